// Closed vocabularies of the cross-training (ateliers and stages croisés), the CLSM's other
// meetings and the common tools, with their French labels. Pure data: the schemas build their zod
// enums from it, migration 008's CHECK lists are tested against it, the renderer shows the labels.

export const TRAINING_KINDS = {
  workshop: 'Atelier croisé',
  placement: 'Stage croisé',
} as const;
export type TrainingKind = keyof typeof TRAINING_KINDS;
export const TRAINING_KIND_CODES = Object.keys(TRAINING_KINDS) as [TrainingKind, ...TrainingKind[]];

/** A session is recorded when it is planned; « prévu » against « réalisé » is an indicator. */
export const TRAINING_STATUSES = {
  planned: 'Prévu',
  held: 'Réalisé',
  cancelled: 'Annulé',
} as const;
export type TrainingStatus = keyof typeof TRAINING_STATUSES;
export const TRAINING_STATUS_CODES = Object.keys(TRAINING_STATUSES) as [TrainingStatus, ...TrainingStatus[]];

/** A participant of a workshop, or the guest professional of a placement. */
export const PARTICIPANT_ROLES = {
  participant: 'Participant',
  guest: 'Professionnel accueilli',
} as const;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES;
export const PARTICIPANT_ROLE_CODES = Object.keys(PARTICIPANT_ROLES) as [ParticipantRole, ...ParticipantRole[]];

/** The CLSM's meetings besides the commission (seed 001: « nombre et typologie des réunions »). */
export const CLSM_MEETING_KINDS = {
  comite_technique: 'Comité technique',
  comite_pilotage: 'Comité de pilotage',
  assemblee_pleniere: 'Assemblée plénière',
  groupe_projet: 'Groupe projet',
} as const;
export type ClsmMeetingKind = keyof typeof CLSM_MEETING_KINDS;
export const CLSM_MEETING_KIND_CODES = Object.keys(CLSM_MEETING_KINDS) as [ClsmMeetingKind, ...ClsmMeetingKind[]];

/** The meetings where the device is designed: their structures are « partenaires impliqués dans la conception ». */
export const DESIGN_MEETING_KINDS: readonly ClsmMeetingKind[] = ['comite_technique', 'groupe_projet'];

export const CLSM_MEETING_STATUSES = {
  planned: 'Prévue',
  held: 'Tenue',
  cancelled: 'Annulée',
} as const;
export type ClsmMeetingStatus = keyof typeof CLSM_MEETING_STATUSES;
export const CLSM_MEETING_STATUS_CODES = Object.keys(CLSM_MEETING_STATUSES) as [ClsmMeetingStatus, ...ClsmMeetingStatus[]];

/** « Élaboration d’outils communs » (seed 000 §4.8.2). */
export const TOOL_KINDS = {
  guide: 'Guide',
  fiche: 'Fiche',
  procedure: 'Procédure',
  autre: 'Autre outil',
} as const;
export type ToolKind = keyof typeof TOOL_KINDS;
export const TOOL_KIND_CODES = Object.keys(TOOL_KINDS) as [ToolKind, ...ToolKind[]];

/** The questionnaire's « typologie des connaissances acquises », configurable in the settings. */
export const DEFAULT_KNOWLEDGE_TYPOLOGIES = [
  'Rôle et missions des partenaires',
  'Ressources du territoire en santé mentale',
  'Troubles psychiques et leurs manifestations',
  'Droits des personnes et mesures de protection',
  'Accès et maintien dans le logement',
  'Circuits d’orientation et de coordination',
] as const;

/** The satisfaction scale of the questionnaire. */
export const SATISFACTION_LABELS = {
  1: 'Pas du tout satisfait',
  2: 'Peu satisfait',
  3: 'Moyennement satisfait',
  4: 'Satisfait',
  5: 'Très satisfait',
} as const;
