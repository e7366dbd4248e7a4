// Closed vocabularies of the domain, with their French labels. Pure data with no imports: the
// schemas build their zod enums from it, the migrations' CHECK lists are tested against it, and
// the renderer imports it for labels.

export const SECTORS = {
  bailleur_social: 'Bailleur social',
  cmp: 'Centre médico-psychologique',
  ccas: 'CCAS',
  mandataire_judiciaire: 'Mandataire judiciaire',
  centre_moselle_solidarite: 'Centre Moselle Solidarité',
  medecin_generaliste: 'Médecin généraliste',
  // The DDCS became the DDETS in 2021; the stored code stays, imports still accept « DDCS ».
  ddcs: 'DDETS',
  association_usagers_aidants: 'Association d’usagers ou d’aidants',
  autre: 'Autre',
} as const;
export type Sector = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as [Sector, ...Sector[]];

export const CATEGORIES = {
  professionnel_sante: 'Professionnel de santé',
  travailleur_social: 'Travailleur social',
  mandataire_judiciaire: 'Mandataire judiciaire',
  personnel_bailleur: 'Personnel d’un bailleur',
  representant_usagers_aidants: 'Représentant d’usagers ou d’aidants',
  autre: 'Autre',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as [Category, ...Category[]];

/**
 * Who is bound by professional secrecy (CSP L1110-4 and D1110-3-1: health professionals, social
 * workers, mandataires judiciaires) and who only by the Commission's charter (a landlord's staff,
 * volunteers of users' and carers' associations, anyone else): the person is told which before
 * accepting a category.
 */
export const CATEGORY_SECRECY: Record<Category, 'professional_secrecy' | 'charter_only'> = {
  professionnel_sante: 'professional_secrecy',
  travailleur_social: 'professional_secrecy',
  mandataire_judiciaire: 'professional_secrecy',
  personnel_bailleur: 'charter_only',
  representant_usagers_aidants: 'charter_only',
  autre: 'charter_only',
};

/** The plain-French words for each, on the consent form and the consent screen. */
export const SECRECY_LABELS = {
  professional_secrecy: 'tenus au secret professionnel',
  charter_only: 'non tenus au secret professionnel : engagés seulement par la charte de la Commission',
} as const;

export const MEMBERSHIPS = {
  permanent: 'Membre permanent',
  invited: 'Membre invité',
} as const;
export type Membership = keyof typeof MEMBERSHIPS;
export const MEMBERSHIP_CODES = Object.keys(MEMBERSHIPS) as [Membership, ...Membership[]];

export const ROLES = {
  coordinator: 'Coordination',
  animateur: 'Animation',
  secretariat: 'Secrétariat',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];
