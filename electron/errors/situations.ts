// Errors of situations and consents.
export const SITUATIONS_ERRORS = {
  SITUATION_NOT_FOUND: 'Situation introuvable.',
  SITUATION_DUPLICATE:
    'Une situation ouverte porte déjà cette identité : vérifiez qu’il ne s’agit pas de la même personne, puis confirmez.',
  SITUATION_TRANSITION: 'Cette situation ne peut pas passer à l’état demandé.',
  SITUATION_CLOSED: 'Cette situation est clôturée : elle ne peut plus être modifiée.',
  SITUATION_DECIDED: 'La recevabilité de cette saisine est déjà décidée.',
  SITUATION_NOT_ELIGIBLE: 'Le consentement se recueille une fois la saisine déclarée recevable.',
  SITUATION_ON_AGENDA:
    'Cette situation est inscrite à l’ordre du jour d’une séance : retirez-la de l’ordre du jour, ou concluez son examen en séance par une clôture.',
  CLOSURE_BEFORE_RECEIPT: 'La clôture ne peut précéder la réception de la saisine.',
  DECISION_BEFORE_RECEIPT: 'La décision ne peut précéder la réception de la saisine.',
  TYPOLOGY_UNKNOWN: 'Cette typologie ne fait pas partie de la liste des paramètres.',
  REFERRER_INACTIVE: 'Ce professionnel n’est plus membre actif : choisissez un membre actif.',
  CONSENT_NOT_FOUND: 'Consentement introuvable.',
  CONSENT_NONE: 'Aucun consentement n’est enregistré pour cette situation.',
  CONSENT_ALREADY_WITHDRAWN: 'Ce consentement est déjà retiré.',
  WITHDRAWAL_BEFORE_CONSENT: 'Le retrait ne peut précéder le recueil du consentement.',
  CONSENT_BEFORE_PREVIOUS: 'Un nouveau consentement ne peut être antérieur au précédent.',
  STRUCTURE_TO_EXCLUDE_UNKNOWN: 'Une des structures à exclure est introuvable.',
  SCAN_TYPE: 'Le fichier n’est ni un PDF, ni une image JPEG ou PNG : numérisez le formulaire dans l’un de ces formats.',
  SCAN_TOO_LARGE: 'Le formulaire numérisé dépasse 10 Mo : numérisez-le en résolution plus faible.',
  SCAN_EXISTS: 'Un formulaire numérisé est déjà joint à ce consentement : il est conservé tel quel.',
  NAME_IN_SHARED_TEXT:
    'Le nom de la personne ne doit pas figurer dans un texte lu par les membres : désignez-la par sa référence (voir le champ signalé).',
  SCAN_NOT_FOUND: 'Aucun formulaire numérisé n’est joint à ce consentement.',
} as const;
