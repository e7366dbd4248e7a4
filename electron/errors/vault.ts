// Errors of the data folder, the keyring and the session (initialise, unlock, recover).
export const VAULT_ERRORS = {
  NOT_INITIALIZED: 'L’application n’est pas encore initialisée.',
  ALREADY_INITIALIZED: 'Ce dossier contient déjà une base de données : initialisation refusée.',
  DATA_FOLDER_NOT_EMPTY:
    'Le dossier de données contient des fichiers inconnus : choisissez un dossier vide pour initialiser l’application.',
  DB_MISSING: 'Le fichier de la base de données est introuvable. Restaurez une sauvegarde ou contactez le service informatique.',
  KEYRING_MISSING: 'Le trousseau de clés est introuvable à côté de la base de données. Restaurez-le depuis une sauvegarde.',
  KEYRING_DAMAGED: 'Le trousseau de clés est illisible ou endommagé.',
  WRONG_PASSWORD: 'Identifiant ou mot de passe incorrect.',
  WRONG_RECOVERY_KEY: 'Clé de récupération incorrecte.',
  DB_DAMAGED: 'La base de données est endommagée ou ne correspond pas au trousseau de clés. Restaurez une sauvegarde.',
  DB_TOO_NEW: 'Cette base de données a été créée par une version plus récente de l’application. Installez la dernière version.',
  DATA_FOLDER_BUSY:
    'Le dossier de données est occupé par un autre programme depuis plus de 15 secondes. Réessayez ; si cela dure, redémarrez le poste.',
  UNLOCK_DELAY: 'Trop de tentatives échouées. Patientez avant de réessayer.',
  CONFIRMATION_REQUIRED: 'Mot de passe de confirmation incorrect.',
  NOT_A_COORDINATOR: 'La récupération n’est possible que pour un compte de coordination actif.',
} as const;
