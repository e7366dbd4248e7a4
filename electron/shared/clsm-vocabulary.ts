// Closed vocabularies of the CLSM's own bodies (comité de pilotage, assemblée plénière, comité
// technique, groupes projet) and of its action plan, with their French labels. Pure data: the
// schemas build their zod enums from it, migration 016's CHECK lists are tested against it.

/** People invited from outside the directory (seed 001: « élus, aidants et usagers »). */
export const GUEST_CATEGORIES = {
  elu: 'Élu',
  personne_concernee: 'Personne concernée (savoir expérientiel)',
  aidant: 'Aidant ou proche',
  association: 'Association',
  citoyen: 'Citoyen',
  institution: 'Institution',
  professionnel: 'Professionnel hors annuaire',
} as const;
export type GuestCategory = keyof typeof GUEST_CATEGORIES;
export const GUEST_CATEGORY_CODES = Object.keys(GUEST_CATEGORIES) as [GuestCategory, ...GuestCategory[]];

/** The categories the evaluation counts as persons (the « < 3 » rule applies to them). */
export const COUNTED_GUEST_CATEGORIES: readonly GuestCategory[] = ['personne_concernee', 'elu'];

/** Attendance at a CLSM meeting; « invité » until the day. */
export const CLSM_ATTENDANCES = {
  invited: 'Invité',
  present: 'Présent',
  represented: 'Représenté',
  excused: 'Excusé',
  absent: 'Absent',
} as const;
export type ClsmAttendance = keyof typeof CLSM_ATTENDANCES;
export const CLSM_ATTENDANCE_CODES = Object.keys(CLSM_ATTENDANCES) as [ClsmAttendance, ...ClsmAttendance[]];

/** The action plan's statuses: « réalisée » against « prévue » is the seed 001 indicator. */
export const PLAN_STATUSES = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Réalisée',
  abandoned: 'Abandonnée',
} as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;
export const PLAN_STATUS_CODES = Object.keys(PLAN_STATUSES) as [PlanStatus, ...PlanStatus[]];
/** A finished action carries the day it was done or given up. */
export const FINISHED_PLAN_STATUSES: readonly PlanStatus[] = ['done', 'abandoned'];

/** How a meeting dealt with an action of the plan. */
export const PLAN_REVIEW_ROLES = {
  decided: 'Décidée',
  reviewed: 'Examinée',
} as const;
export type PlanReviewRole = keyof typeof PLAN_REVIEW_ROLES;
export const PLAN_REVIEW_ROLE_CODES = Object.keys(PLAN_REVIEW_ROLES) as [PlanReviewRole, ...PlanReviewRole[]];
