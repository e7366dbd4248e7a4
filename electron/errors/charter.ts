// Errors of the ethics charter: versions, adoption, signatures.
export const CHARTER_ERRORS = {
  CHARTER_NOT_FOUND: 'Version de la charte introuvable.',
  CHARTER_NOT_DRAFT: 'Cette version de la charte est adoptée : elle ne peut plus être modifiée.',
  CHARTER_DRAFT_EXISTS: 'Un projet de nouvelle version existe déjà : modifiez-le ou adoptez-le.',
  CHARTER_NOT_CURRENT: 'Seule la version en vigueur de la charte peut être signée.',
  CHARTER_ALREADY_SIGNED: 'Ce membre a déjà signé cette version de la charte.',
  CHARTER_DATE: 'La date d’adoption ne peut précéder celle de la version précédente.',
  CHARTER_NONE: 'Aucune charte n’est encore adoptée.',
  CHARTER_FIRST_DRAFT: 'Le premier projet de charte ne peut pas être abandonné : modifiez-le puis adoptez-le.',
  CHARTER_NO_DRAFT: 'Aucun projet de charte en cours : préparez d’abord une nouvelle version.',
  SIGNATURE_NOT_FOUND: 'Signature introuvable.',
  SIGNATURE_ALREADY_CANCELLED: 'Cette signature est déjà annulée.',
  CHARTER_SIGNED_BEFORE: 'La date de signature ne peut précéder l’adoption de cette version de la charte.',
} as const;
