// Errors of the IPC layer and of the application as a whole.
export const CORE_ERRORS = {
  LOCKED: 'L’application est verrouillée. Déverrouillez-la pour continuer.',
  NOT_AUTHENTICATED: 'Session absente ou expirée : déverrouillez l’application.',
  FORBIDDEN: 'Votre rôle ne permet pas cette action.',
  UNKNOWN_CHANNEL: 'Action inconnue.',
  UNTRUSTED_SENDER: 'Appel refusé : il ne provient pas de l’interface de l’application.',
  INVALID_INPUT: 'Données invalides.',
  PAYLOAD_TOO_LARGE: 'Les données envoyées sont trop volumineuses (6 Mo au plus).',
  GATE_REFUSED: 'Les conditions préalables ne sont pas remplies.',
  LOGO_TYPE: 'Le logo doit être une image PNG, JPEG ou SVG.',
  LOGO_TOO_LARGE: 'Le logo dépasse 500 Ko : enregistrez-le en plus petit.',
  LOGO_SVG_UNSAFE: 'Ce logo SVG contient des scripts ou des liens vers d’autres fichiers : exportez-le en image autonome, ou en PNG.',
  LOGO_UNREADABLE: 'Ce logo ne peut pas être dessiné dans les documents : enregistrez-le à nouveau en PNG.',
  INTERNAL: 'Une erreur interne est survenue. L’opération n’a pas été effectuée.',
} as const;
