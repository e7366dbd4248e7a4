// Errors of the cross-training, the CLSM's other meetings, the common tools and the evaluation.
export const TRAINING_ERRORS = {
  TRAINING_NOT_FOUND: 'Cet atelier ou ce stage est introuvable.',
  TRAINING_PARTICIPANT_NOT_FOUND: 'Ce participant est introuvable.',
  TRAINING_PARTICIPANT_TWICE: 'Ce membre figure déjà parmi les participants.',
  TRAINING_GUEST_ONLY_ONE: 'Un stage croisé accueille un seul professionnel : retirez le précédent pour en inscrire un autre.',
  TRAINING_NOT_HELD: 'Cet atelier ou ce stage n’est pas marqué comme réalisé : les attestations et les questionnaires viennent après.',
  TRAINING_NO_PARTICIPANT: 'Aucun participant n’est inscrit : ajoutez-les avant d’imprimer les attestations.',
  TRAINING_HAS_RECORDS:
    'Cet atelier ou ce stage a des participants ou des questionnaires : marquez-le « Annulé » plutôt que de le supprimer.',
  QUESTIONNAIRE_NOT_FOUND: 'Ce questionnaire est introuvable.',
  CLSM_MEETING_NOT_FOUND: 'Cette réunion est introuvable.',
  TOOL_NOT_FOUND: 'Cet outil est introuvable.',
  REPORT_PERIOD_INVALID: 'La période est invalide : la date de fin précède la date de début, ou la période dépasse cinq ans.',
} as const;
