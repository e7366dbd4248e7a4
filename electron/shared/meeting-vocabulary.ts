// Closed vocabularies of meetings, agenda items, attendance, deliberations and actions, with their
// French labels. Pure data: the schemas build their zod enums from it, migration 005's CHECK lists
// are tested against it, and the renderer imports it for labels and choices.

export const MEETING_STATES = {
  planned: 'Prévue',
  convened: 'Convoquée',
  held: 'Tenue',
  minutes_signed: 'Compte rendu signé',
} as const;
export type MeetingState = keyof typeof MEETING_STATES;
export const MEETING_STATE_CODES = Object.keys(MEETING_STATES) as [MeetingState, ...MeetingState[]];

export const ITEM_STATUSES = {
  planned: 'À examiner',
  opened: 'En cours d’examen',
  deliberated: 'Examinée',
  postponed: 'Reportée',
  dropped: 'Retirée de l’ordre du jour',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;
export const ITEM_STATUS_CODES = Object.keys(ITEM_STATUSES) as [ItemStatus, ...ItemStatus[]];

export const ATTENDANCE_STATUSES = {
  expected: 'Convoqué',
  present: 'Présent',
  excused: 'Excusé',
  absent: 'Absent',
  represented: 'Représenté',
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;
export const ATTENDANCE_STATUS_CODES = Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus, ...AttendanceStatus[]];

/** Whether a member is convened for the whole meeting or invited for some items only. */
export const ATTENDANCE_SCOPES = { meeting: 'Toute la séance', items: 'Invité pour un point' } as const;
export type AttendanceScope = keyof typeof ATTENDANCE_SCOPES;
export const ATTENDANCE_SCOPE_CODES = Object.keys(ATTENDANCE_SCOPES) as [AttendanceScope, ...AttendanceScope[]];

/** The person's place for their item (G10), as it happened. */
export const PERSON_PRESENCE = {
  attended: 'La personne était présente',
  represented: 'La personne était représentée',
  absent: 'La personne n’était ni présente ni représentée',
} as const;
export type PersonPresence = keyof typeof PERSON_PRESENCE;
export const PERSON_PRESENCE_CODES = Object.keys(PERSON_PRESENCE) as [PersonPresence, ...PersonPresence[]];

/** What the commission decides for the situation once the item is examined. */
export const ITEM_OUTCOMES = {
  follow_up: 'Suivi (réexamen éventuel)',
  closed: 'Clôture de la situation',
} as const;
export type ItemOutcome = keyof typeof ITEM_OUTCOMES;
export const ITEM_OUTCOME_CODES = Object.keys(ITEM_OUTCOMES) as [ItemOutcome, ...ItemOutcome[]];

/** The person's answer to the proposals returned to them (G10). */
export const PERSON_AGREEMENTS = {
  agreed: 'La personne est d’accord',
  refused: 'La personne refuse',
} as const;
export type PersonAgreement = keyof typeof PERSON_AGREEMENTS;
export const PERSON_AGREEMENT_CODES = Object.keys(PERSON_AGREEMENTS) as [PersonAgreement, ...PersonAgreement[]];

/** The person's answer to one proposal: accepting some and refusing others is their right. */
export const ACTION_AGREEMENTS = {
  agreed: 'Acceptée',
  refused: 'Refusée',
  discuss: 'À rediscuter avec la personne',
} as const;
export type ActionAgreement = keyof typeof ACTION_AGREEMENTS;
export const ACTION_AGREEMENT_CODES = Object.keys(ACTION_AGREEMENTS) as [ActionAgreement, ...ActionAgreement[]];

/** The review of an action, with the distinction the MARAC reviews make. */
export const ACTION_OUTCOMES = {
  done: 'Réalisée',
  not_possible: 'Impossible : la situation a changé',
  not_done: 'Non réalisée par son responsable',
} as const;
export type ActionOutcome = keyof typeof ACTION_OUTCOMES;
export const ACTION_OUTCOME_CODES = Object.keys(ACTION_OUTCOMES) as [ActionOutcome, ...ActionOutcome[]];

/** Where an action stands, derived from the person's agreement, its review and its due date. */
export const ACTION_STAGES = {
  awaiting_agreement: 'En attente de l’accord de la personne',
  refused: 'Refusée par la personne',
  started: 'En cours',
  due_soon: 'Échéance proche',
  overdue: 'En retard',
  ...ACTION_OUTCOMES,
} as const;
export type ActionStage = keyof typeof ACTION_STAGES;

/** The response typology offered by default (a setting). */
export const DEFAULT_RESPONSE_TYPOLOGIES = [
  'Orientation vers les soins',
  'Accompagnement social renforcé',
  'Mesure de protection',
  'Accès ou maintien dans le logement',
  'Coordination des intervenants',
  'Autre',
] as const;

/** An action is « due soon » this many days before its due date. */
export const DUE_SOON_DAYS = 14;

/** The follow-up board's sections, each a set of stages; every action is in exactly one. */
export const BOARD_SECTIONS = {
  overdue: 'En retard',
  due_soon: 'Échéance proche (14 jours)',
  open: 'En cours ou en attente de l’accord de la personne',
  reviewed: 'Bilan fait',
} as const;
export type BoardSection = keyof typeof BOARD_SECTIONS;
export const BOARD_SECTION_CODES = Object.keys(BOARD_SECTIONS) as [BoardSection, ...BoardSection[]];
