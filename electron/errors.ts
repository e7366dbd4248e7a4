// Errors that may reach the user. Each carries a stable code (for code and tests) and a French
// message (for people). Anything else thrown is an internal error and is never shown as such.

export const ERROR_MESSAGES = {
  NOT_INITIALIZED: "L'application n'est pas encore initialisée.",
  ALREADY_INITIALIZED: 'Ce dossier contient déjà une base de données : initialisation refusée.',
  DB_MISSING:
    'Le fichier de la base de données est introuvable. Restaurez une sauvegarde ou contactez le service informatique.',
  KEYRING_MISSING:
    'Le trousseau de clés est introuvable à côté de la base de données. Restaurez-le depuis une sauvegarde.',
  KEYRING_DAMAGED: 'Le trousseau de clés est illisible ou endommagé.',
  WRONG_PASSWORD: 'Identifiant ou mot de passe incorrect.',
  WRONG_RECOVERY_KEY: 'Clé de récupération incorrecte.',
  DB_DAMAGED:
    'La base de données est endommagée ou ne correspond pas au trousseau de clés. Restaurez une sauvegarde.',
  DB_TOO_NEW:
    "Cette base de données a été créée par une version plus récente de l'application. Installez la dernière version.",
  UNLOCK_DELAY: 'Trop de tentatives échouées. Patientez avant de réessayer.',
  LOCKED: "L'application est verrouillée. Déverrouillez-la pour continuer.",
  NOT_AUTHENTICATED: "Session absente ou expirée : déverrouillez l'application.",
  FORBIDDEN: "Votre rôle ne permet pas cette action.",
  UNKNOWN_CHANNEL: 'Action inconnue.',
  UNTRUSTED_SENDER: "Appel refusé : il ne provient pas de l'interface de l'application.",
  INVALID_INPUT: 'Données invalides.',
  PASSWORD_POLICY: 'Le mot de passe doit contenir au moins 12 caractères.',
  PASSWORD_MISMATCH: 'Les deux mots de passe ne correspondent pas.',
  LOGIN_TAKEN: 'Cet identifiant est déjà utilisé.',
  USER_NOT_FOUND: 'Utilisateur introuvable.',
  USER_INACTIVE: 'Ce compte est désactivé.',
  SELF_DISABLE: 'Vous ne pouvez pas désactiver votre propre compte.',
  CONFIRMATION_REQUIRED: 'Confirmez avec votre mot de passe actuel.',
  NOT_A_COORDINATOR: "La récupération n'est possible que pour un compte coordinateur actif.",
  STRUCTURE_NOT_FOUND: 'Structure introuvable.',
  STRUCTURE_NAME_TAKEN: 'Une structure porte déjà ce nom.',
  STRUCTURE_INACTIVE: 'Cette structure est désactivée : réactivez-la avant d’y ajouter un membre.',
  MEMBER_NOT_FOUND: 'Membre introuvable.',
  MEMBER_DUPLICATE: 'Ce membre existe déjà dans cette structure.',
  MEMBER_INACTIVE: 'Ce membre est désactivé.',
  CHARTER_NOT_FOUND: 'Version de la charte introuvable.',
  CHARTER_NOT_DRAFT: 'Cette version de la charte est adoptée : elle ne peut plus être modifiée.',
  CHARTER_DRAFT_EXISTS: 'Un projet de nouvelle version existe déjà : modifiez-le ou adoptez-le.',
  CHARTER_NOT_CURRENT: 'Seule la version en vigueur de la charte peut être signée.',
  CHARTER_ALREADY_SIGNED: 'Ce membre a déjà signé cette version de la charte.',
  CHARTER_DATE: 'La date d’adoption ne peut précéder celle de la version précédente.',
  CHARTER_NONE: 'Aucune charte n’est encore adoptée.',
  CHARTER_NO_DRAFT: 'Aucun projet de charte en cours : préparez d’abord une nouvelle version.',
  CHARTER_SIGNED_BEFORE: 'La date de signature ne peut précéder l’adoption de cette version de la charte.',
  IMPORT_INVALID: 'Le fichier contient des erreurs : rien n’a été importé.',
  INTERNAL: "Une erreur interne est survenue. L'opération n'a pas été effectuée.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Milliseconds before a new attempt is accepted (unlock throttling). */
  retryAfterMs?: number;
  /** Per-field French messages for forms (invalid input). */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  /** Set when the thrower already recorded the event, so the IPC layer does not log it twice. */
  readonly alreadyAudited: boolean;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; retryAfterMs?: number; alreadyAudited?: boolean; fields?: Record<string, string> } = {},
  ) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.alreadyAudited = options.alreadyAudited ?? false;
    this.fields = options.fields;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.fields !== undefined) payload.fields = this.fields;
    return payload;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
