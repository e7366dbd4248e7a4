// Errors of the partner directory and its CSV import.
export const PARTNERS_ERRORS = {
  STRUCTURE_NOT_FOUND: 'Structure introuvable.',
  STRUCTURE_NAME_TAKEN: 'Une structure porte déjà ce nom.',
  STRUCTURE_INACTIVE: 'Cette structure est désactivée : réactivez-la avant d’y ajouter un membre.',
  MEMBER_NOT_FOUND: 'Membre introuvable.',
  MEMBER_DUPLICATE: 'Ce membre existe déjà dans cette structure.',
  MEMBER_INACTIVE: 'Ce membre est désactivé.',
  IMPORT_INVALID: 'Le fichier contient des erreurs : rien n’a été importé.',
} as const;
