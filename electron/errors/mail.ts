// Errors of the e-mail drafts: the folder they are written to, a recipient without an address.
export const MAIL_ERRORS = {
  MAIL_FOLDER_MISSING: 'Choisissez d’abord le dossier où écrire les brouillons de courriels (Administration › Paramètres › Documents).',
  MAIL_FOLDER_UNREACHABLE:
    'Le dossier des brouillons de courriels est introuvable ou n’accepte pas l’écriture (lecteur déconnecté ou chemin erroné) : aucun brouillon n’a été écrit.',
  MEMBER_NO_EMAIL:
    'Ce membre n’a pas d’adresse électronique dans l’annuaire : renseignez-la dans Partenaires, ou remettez-lui le document en main propre.',
  MEETING_NO_EMAIL: 'Aucun membre convoqué n’a d’adresse électronique dans l’annuaire : imprimez les convocations.',
} as const;
