// Errors of user administration.
export const USERS_ERRORS = {
  USER_LINK_NOT_ANIMATEUR: 'Seul un compte d’animation se relie à une fiche de membre : c’est l’animateur qui approuve les comptes rendus.',
  USER_LINK_TAKEN: 'Cette fiche de membre est déjà reliée à un autre compte.',
  PASSWORD_POLICY: 'Le mot de passe doit contenir au moins 12 caractères.',
  PASSWORD_CHANGE_REQUIRED: 'Choisissez d’abord votre propre mot de passe : celui-ci a été défini par quelqu’un d’autre.',
  KEY_ROTATION_REQUIRED:
    'Une sauvegarde antérieure a été restaurée : la coordination doit d’abord changer la clé de chiffrement (Administration › Utilisateurs) avant toute autre opération.',
  RECOVERY_KEY_PENDING: 'Confirmez d’abord que la clé de récupération est imprimée et rangée, ou générez-en une nouvelle.',
  PASSWORD_MISMATCH: 'Les deux mots de passe ne correspondent pas.',
  LOGIN_TAKEN: 'Cet identifiant est déjà utilisé.',
  USER_NOT_FOUND: 'Utilisateur introuvable.',
  USER_INACTIVE: 'Ce compte est désactivé.',
  SELF_DISABLE: 'Vous ne pouvez pas désactiver votre propre compte.',
} as const;
