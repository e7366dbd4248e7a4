// Errors of backups, restores, retention (G9) and the person's rights.
export const BACKUP_ERRORS = {
  BACKUP_NOT_CONFIGURED: 'Aucun dossier de sauvegarde n’est indiqué : renseignez-le dans Administration › Sauvegardes.',
  BACKUP_SHARE_MISSING:
    'Le dossier de sauvegarde est introuvable (partage réseau déconnecté ou chemin erroné). Aucune sauvegarde n’a été écrite et la base n’a pas été modifiée.',
  BACKUP_SHARE_READONLY:
    'Le dossier de sauvegarde refuse l’écriture (lecture seule ou droits insuffisants). Aucune sauvegarde n’a été écrite et la base n’a pas été modifiée.',
  BACKUP_SHARE_FULL:
    'Le dossier de sauvegarde est plein. Aucune sauvegarde n’a été écrite et la base n’a pas été modifiée ; libérez de la place ou changez de dossier.',
  BACKUP_VERIFY_FAILED: 'La vérification de la sauvegarde a échoué.',
  BACKUP_NOT_FOUND: 'Cette sauvegarde est introuvable.',
  BACKUP_INVALID: 'Ce dossier n’est pas une sauvegarde de l’application (manifeste absent ou illisible).',
  BACKUP_WRONG_SECRET: 'Ce mot de passe ou cette clé de récupération n’ouvre pas cette sauvegarde.',
  BACKUP_NOT_A_COORDINATOR: 'Seul un compte de coordination de la sauvegarde (ou sa clé de récupération) peut la restaurer.',
  BACKUP_TOO_NEW: 'Cette sauvegarde vient d’une version plus récente de l’application : installez la dernière version pour la restaurer.',
  BACKUP_USER_REVOKED:
    'Ce compte a été désactivé depuis cette sauvegarde : il ne peut pas la restaurer. Utilisez un compte de coordination actif ou la clé de récupération.',
  BACKUP_BUSY: 'Une sauvegarde ou une restauration est déjà en cours.',
  SITUATION_ERASED:
    'Les données de la personne ont été effacées (durée de conservation ou retrait du consentement) : ce document ne peut plus être produit.',
  DESTRUCTION_NOT_DUE: 'Un des comptes rendus choisis n’est pas (ou plus) à détruire : la liste a été mise à jour, vérifiez-la.',
  MINUTES_DESTROYED: 'Ce compte rendu a été détruit au terme de sa durée de conservation : seule son empreinte reste dans le journal.',
  PURGE_NOT_DUE:
    'Cette situation ne peut pas être effacée maintenant : elle n’est pas close depuis la durée de conservation, ou un compte rendu reste à signer.',
  AUDIT_BROKEN: 'Le journal d’audit est rompu : rien n’a été archivé.',
  ANCHOR_INVALID:
    'Ancre illisible : indiquez NOMBRE:EMPREINTE (64 caractères hexadécimaux), le dossier d’une sauvegarde ou un compte rendu signé (PDF).',
  AUDIT_ARCHIVE_INVALID: 'Cette archive du journal est illisible, vient d’une autre base ou a été modifiée.',
  RESTORE_TARGET_INVALID: 'Le dossier de destination contient des fichiers qui ne sont pas une base de l’application.',
} as const;
