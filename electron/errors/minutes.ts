// Errors of signing certificates, signed minutes and the documents drawn from them.
export const MINUTES_ERRORS = {
  MINUTES_NOT_YOUR_MEETING:
    'Seul l’animateur de cette séance peut approuver son compte rendu : votre compte doit être relié à sa fiche de membre (Administration › Utilisateurs).',
  MINUTES_ALREADY_APPROVED: 'L’animateur a déjà approuvé ce projet dans l’application : rien à consigner.',
  MINUTES_APPROVAL_MISSING:
    'L’animateur n’a pas approuvé ce projet : il l’approuve dans l’application ou signe avec son certificat, ou la coordination consigne pourquoi son approbation manque (absent, approuvé par courriel ou oralement, avec la date).',
  APPROVAL_BEFORE_MEETING: 'L’approbation ne peut pas précéder la séance.',
  LETTER_NO_COORDINATION_PHONE:
    'Le courrier indique à la personne qui appeler : renseignez d’abord le téléphone de la coordination dans Administration › Paramètres › Documents.',
  CERTIFICATE_MISSING:
    'Aucun certificat de signature n’est enregistré pour vous : importez votre certificat (.p12) ou créez-en un dans Administration › Certificat de signature.',
  CERTIFICATE_PASSWORD: 'Mot de passe du certificat incorrect.',
  ANIMATEUR_CERTIFICATE_PASSWORD: 'Mot de passe du certificat de l’animateur incorrect.',
  CERTIFICATE_INVALID: 'Ce fichier n’est pas un certificat .p12 lisible.',
  CERTIFICATE_NO_KEY: 'Ce fichier .p12 ne contient pas de clé privée : il ne peut pas servir à signer.',
  CERTIFICATE_NOT_VALID_NOW: 'Ce certificat n’est pas valide aujourd’hui (expiré ou pas encore en vigueur).',
  CERTIFICATE_NOT_FOUND: 'Certificat introuvable.',
  MINUTES_SIGNED: 'Le compte rendu de cette séance est signé : il ne peut plus être modifié. Une correction se fait par un additif signé.',
  MINUTES_NOT_SIGNED: 'Signez d’abord le compte rendu de cette séance.',
  MINUTES_CHANGED: 'Le projet de compte rendu a changé pendant la signature : relisez-le et signez à nouveau.',
  MINUTES_DOCUMENT_NOT_FOUND: 'Document signé introuvable.',
  MEMBER_NOT_RECIPIENT: 'Ce membre n’était ni convoqué à cette séance ni présent comme suppléant.',
  MEMBER_NOT_PARTICIPANT: 'Ce membre n’a pas participé à la séance : aucune attestation de participation ne peut être établie.',
  LETTER_NOT_DELIBERATED: 'Ce point n’a pas été examiné : il n’y a pas de propositions à adresser à la personne.',
} as const;
