// Closed vocabularies of situations and consents, with their French labels. Pure data: the schemas
// build their zod enums from it, migration 004's CHECK lists are tested against it, and the
// renderer imports it for labels and choices.

export const SITUATION_STATES = {
  received: 'Saisine reçue',
  eligible: 'Recevable',
  rejected: 'Non recevable',
  awaiting_consent: 'En attente du consentement',
  ready: 'Prête à être examinée',
  scheduled: 'Inscrite à l’ordre du jour',
  examined: 'Examinée',
  follow_up: 'En suivi',
  closed: 'Clôturée',
} as const;
export type SituationState = keyof typeof SITUATION_STATES;
export const SITUATION_STATE_CODES = Object.keys(SITUATION_STATES) as [SituationState, ...SituationState[]];

export const CLOSURE_REASONS = {
  resolved: 'Situation résolue',
  common_law: 'Relais vers le droit commun',
  consent_withdrawn: 'Consentement retiré',
  moved: 'Déménagement',
  deceased: 'Décès',
  other: 'Autre',
} as const;
export type ClosureReason = keyof typeof CLOSURE_REASONS;
export const CLOSURE_REASON_CODES = Object.keys(CLOSURE_REASONS) as [ClosureReason, ...ClosureReason[]];
/** Withdrawal closes through its own action (G7), never through the closing form. */
export const MANUAL_CLOSURE_CODES = CLOSURE_REASON_CODES.filter((c) => c !== 'consent_withdrawn') as [ClosureReason, ...ClosureReason[]];

export const AGE_BANDS = {
  '18_25': '18 à 25 ans',
  '26_35': '26 à 35 ans',
  '36_45': '36 à 45 ans',
  '46_55': '46 à 55 ans',
  '56_65': '56 à 65 ans',
  '66_75': '66 à 75 ans',
  '76_plus': '76 ans et plus',
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_CODES = Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]];

const AGE_BAND_LIMITS: Record<AgeBand, [number, number]> = {
  '18_25': [18, 25],
  '26_35': [26, 35],
  '36_45': [36, 45],
  '46_55': [46, 55],
  '56_65': [56, 65],
  '66_75': [66, 75],
  '76_plus': [76, Number.POSITIVE_INFINITY],
};

/**
 * Whether a birth year fits an age band on a day of a year: without the birthday, the person is
 * `year - birthYear` or one year less. Null when it fits, else the ages the year gives.
 */
export function ageBandMismatch(band: AgeBand, birthYear: number, onYear: number): [number, number] | null {
  const [low, high] = AGE_BAND_LIMITS[band];
  const oldest = onYear - birthYear;
  return oldest >= low && oldest - 1 <= high ? null : [oldest - 1, oldest];
}

export function ageMismatchMessage(birthYear: number, [younger, older]: [number, number], band: AgeBand): string {
  return `Avec une naissance en ${birthYear}, la personne a ${younger} ou ${older} ans : ce n’est pas « ${AGE_BANDS[band]} ». Corrigez la tranche d’âge ou l’année de naissance.`;
}

/** The 46 communes of the Eurométropole de Metz (Roncourt since 2022, Lorry-Mardigny since 2023). */
export const METZ_COMMUNES = [
  'Amanvillers',
  'Ars-Laquenexy',
  'Ars-sur-Moselle',
  'Augny',
  'Le Ban-Saint-Martin',
  'Châtel-Saint-Germain',
  'Chesny',
  'Chieulles',
  'Coin-lès-Cuvry',
  'Coin-sur-Seille',
  'Cuvry',
  'Féy',
  'Gravelotte',
  'Jury',
  'Jussy',
  'Laquenexy',
  'Lessy',
  'Longeville-lès-Metz',
  'Lorry-lès-Metz',
  'Lorry-Mardigny',
  'Marieulles',
  'Marly',
  'La Maxe',
  'Mécleuves',
  'Metz',
  'Mey',
  'Montigny-lès-Metz',
  'Moulins-lès-Metz',
  'Noisseville',
  'Nouilly',
  'Peltre',
  'Plappeville',
  'Pouilly',
  'Pournoy-la-Chétive',
  'Roncourt',
  'Rozérieulles',
  'Sainte-Ruffine',
  'Saint-Julien-lès-Metz',
  'Saint-Privat-la-Montagne',
  'Saulny',
  'Scy-Chazelles',
  'Vantoux',
  'Vany',
  'Vaux',
  'Vernéville',
  'Woippy',
] as const;

/** The typology list offered until the coordinator changes it (Administration › Paramètres). */
export const DEFAULT_TYPOLOGIES = [
  'logement',
  'isolement',
  'santé psychique',
  'addictions',
  'accès aux droits',
  'endettement',
  'protection juridique',
  'parentalité',
  'autre',
] as const;

/** The questions of the commission's frame (seed 000 §4.7.1); all four must hold. */
export const ELIGIBILITY_QUESTIONS = {
  adult: 'La personne est majeure.',
  routesTried: 'Les dispositifs habituels ont été essayés ou sont bloqués.',
  complexity: 'La complexité de la situation met la personne et les professionnels en difficulté.',
  notEmergency: 'La situation ne relève pas de l’urgence.',
} as const;
export type EligibilityQuestion = keyof typeof ELIGIBILITY_QUESTIONS;

/** Where to turn instead: the commission is not an emergency service. */
export const EMERGENCY_CONTACTS = [
  'Urgence médicale ou psychiatrique : le 15 (SAMU) ou le 112.',
  'Risque suicidaire : le 3114, numéro national de prévention du suicide, jour et nuit.',
  'Personne sans abri ou à la rue : le 115.',
  'Danger pour un adulte vulnérable : le procureur de la République ou la gendarmerie / police (17).',
] as const;

export const CONSENT_MODES = {
  written: 'Écrit et signé par la personne',
  oral_witnessed: 'Oral, devant un témoin',
} as const;
export type ConsentMode = keyof typeof CONSENT_MODES;
export const CONSENT_MODE_CODES = Object.keys(CONSENT_MODES) as [ConsentMode, ...ConsentMode[]];

/** The four items the person must have been told (CSP D1110-3-1 to D1110-3-3). */
export const INFORMATION_ITEMS = {
  dataCategories: 'Les catégories d’informations qui seront partagées',
  professionals: 'Les catégories de professionnels qui en auront connaissance',
  supports: 'Les supports utilisés (ordre du jour, compte rendu, extraits)',
  security: 'Les mesures de sécurité et de confidentialité',
} as const;
export type InformationItem = keyof typeof INFORMATION_ITEMS;
export const INFORMATION_ITEM_CODES = Object.keys(INFORMATION_ITEMS) as [InformationItem, ...InformationItem[]];

export const IDENTITY_SHARING = {
  code: 'Code seulement (aucun nom)',
  first_name: 'Prénom seulement',
  full: 'Identité complète',
} as const;
export type IdentitySharing = keyof typeof IDENTITY_SHARING;
export const IDENTITY_SHARING_CODES = Object.keys(IDENTITY_SHARING) as [IdentitySharing, ...IdentitySharing[]];

export const LEGAL_PROTECTIONS = {
  none: 'Aucune mesure de protection',
  sauvegarde: 'Sauvegarde de justice',
  curatelle_simple: 'Curatelle simple',
  curatelle_renforcee: 'Curatelle renforcée',
  tutelle: 'Tutelle',
  habilitation_familiale: 'Habilitation familiale',
} as const;
export type LegalProtection = keyof typeof LEGAL_PROTECTIONS;
export const LEGAL_PROTECTION_CODES = Object.keys(LEGAL_PROTECTIONS) as [LegalProtection, ...LegalProtection[]];

/** G2: who must agree besides the person. Representation: the representative consents; assistance: the person, assisted. */
export const PROTECTION_KIND: Record<LegalProtection, 'none' | 'assistance' | 'representation'> = {
  none: 'none',
  sauvegarde: 'none',
  curatelle_simple: 'assistance',
  curatelle_renforcee: 'assistance',
  tutelle: 'representation',
  habilitation_familiale: 'representation',
};

export const ATTENDANCE_WISHES = {
  attend: 'Souhaite être présente lors de l’examen de sa situation',
  represented: 'Souhaite être représentée',
  not_attend: 'Ne souhaite pas être présente',
} as const;
export type AttendanceWish = keyof typeof ATTENDANCE_WISHES;
export const ATTENDANCE_WISH_CODES = Object.keys(ATTENDANCE_WISHES) as [AttendanceWish, ...AttendanceWish[]];

/** The largest scanned consent form accepted (checked by the form at once, and by the main process). */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;
