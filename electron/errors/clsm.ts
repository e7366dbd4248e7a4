// Errors of the CLSM's own bodies (comités, plénière, groupes projet) and of its action plan.
export const CLSM_ERRORS = {
  CLSM_GUEST_NOT_FOUND: 'Cette personne invitée est introuvable.',
  CLSM_INVITATION_NOT_FOUND: 'Cette invitation est introuvable.',
  CLSM_POINT_NOT_FOUND: 'Ce point de l’ordre du jour est introuvable.',
  CLSM_ALREADY_INVITED: 'Cette structure ou cette personne est déjà invitée à la réunion.',
  CLSM_MEETING_LOCKED:
    'Le compte rendu de cette réunion est signé : elle ne peut plus être modifiée. Une correction se fait par un additif.',
  CLSM_MEETING_CANCELLED: 'Cette réunion est annulée.',
  CLSM_NO_INVITEE: 'Personne n’est encore invité : ajoutez les structures et les personnes invitées.',
  CLSM_NO_POINT: 'L’ordre du jour est vide : ajoutez au moins un point.',
  CLSM_ATTENDANCE_BEFORE_DAY: 'La présence se note le jour de la réunion ou après.',
  CLSM_ATTENDANCE_UNSETTLED:
    'La présence n’est pas notée pour tout le monde : indiquez pour chaque invité s’il était présent, représenté, excusé ou absent.',
  CLSM_NOT_HELD: 'La réunion n’est pas marquée « tenue » : le compte rendu se signe après la réunion.',
  CLSM_MINUTES_NOT_SIGNED: 'Le compte rendu n’est pas encore signé.',
  CLSM_MINUTES_CHANGED: 'Le compte rendu a été modifié pendant la signature : relisez-le, puis signez de nouveau.',
  CLSM_DOCUMENT_NOT_FOUND: 'Ce document signé est introuvable.',
  CLSM_MEETING_HAS_RECORDS:
    'Cette réunion a des invités, un ordre du jour ou des actions du plan : marquez-la « Annulée » plutôt que de la supprimer.',
  CLSM_NO_EMAIL: 'Aucun invité n’a d’adresse électronique : imprimez les convocations.',
  PLAN_AXIS_NOT_FOUND: 'Cet axe du plan d’action est introuvable.',
  PLAN_AXIS_ARCHIVED: 'Cet axe est archivé : choisissez un axe en cours.',
  PLAN_ACTION_NOT_FOUND: 'Cette action du plan est introuvable.',
  PLAN_ACTION_IN_SIGNED_MINUTES:
    'Cette action figure dans un compte rendu signé : elle ne peut pas être supprimée. Marquez-la « Abandonnée » si elle ne se fera pas.',
} as const;
