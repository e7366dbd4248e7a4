// The demo year's people and places: fictitious, realistic for Metz Métropole. Structures are of
// the kinds the CLSM's seed documents name; members and persons are invented — any resemblance to
// real people is accidental. Persons' names are chosen so as not to collide with members' names,
// streets or structures: the demo's tests look for them in every document.
import type { AgeBand, LegalProtection } from '../shared/situation-vocabulary';
import type { Category, Sector } from '../shared/vocabulary';

export interface DemoStructure {
  key: string;
  name: string;
  sector: Sector;
  address: string;
}

export const DEMO_STRUCTURES: DemoStructure[] = [
  { key: 'mht', name: 'Metz Habitat Territoire', sector: 'bailleur_social', address: '10 rue du Chanoine Collin, 57000 Metz' },
  { key: 'vivest', name: 'Vivest', sector: 'bailleur_social', address: '4 rue de Méric, 57000 Metz' },
  { key: 'cmpQueuleu', name: 'CMP de Metz-Queuleu', sector: 'cmp', address: 'Rue de Queuleu, 57070 Metz' },
  { key: 'cmpMontigny', name: 'CMP de Montigny-lès-Metz', sector: 'cmp', address: 'Rue de Pont-à-Mousson, 57950 Montigny-lès-Metz' },
  { key: 'ccasMetz', name: 'CCAS de Metz', sector: 'ccas', address: '22-24 rue du Wad Billy, 57000 Metz' },
  { key: 'ccasMontigny', name: 'CCAS de Montigny-lès-Metz', sector: 'ccas', address: 'Place de l’Hôtel de Ville, 57950 Montigny-lès-Metz' },
  { key: 'udaf', name: 'UDAF de la Moselle', sector: 'mandataire_judiciaire', address: 'Rue du Vivier, 57000 Metz' },
  { key: 'atm', name: 'Association tutélaire de la Moselle', sector: 'mandataire_judiciaire', address: 'Avenue Foch, 57000 Metz' },
  {
    key: 'cms',
    name: 'Centre Moselle Solidarité de Metz-Borny',
    sector: 'centre_moselle_solidarite',
    address: 'Boulevard de Provence, 57070 Metz',
  },
  { key: 'mg', name: 'Cabinet médical du Sablon', sector: 'medecin_generaliste', address: 'Rue du Saulnois, 57000 Metz' },
  { key: 'ddets', name: 'DDETS de la Moselle', sector: 'ddcs', address: 'Rue Bélisaire, 57000 Metz' },
  { key: 'unafam', name: 'UNAFAM Moselle', sector: 'association_usagers_aidants', address: 'Rue Mazelle, 57000 Metz' },
  { key: 'gem', name: 'GEM La Passerelle', sector: 'association_usagers_aidants', address: 'Rue des Allemands, 57000 Metz' },
];

export interface DemoMember {
  key: string;
  structure: string;
  firstName: string;
  lastName: string;
  function: string;
  category: Category;
}

const m = (key: string, structure: string, firstName: string, lastName: string, fn: string, category: Category): DemoMember => ({
  key,
  structure,
  firstName,
  lastName,
  function: fn,
  category,
});

/** 25 members; the psychiatrist of the CMP de Metz-Queuleu animates the meetings. */
export const DEMO_MEMBERS: DemoMember[] = [
  m('animateur', 'cmpQueuleu', 'Stéphane', 'Kessler-Lentz', 'Psychiatre', 'professionnel_sante'),
  m('infQueuleu', 'cmpQueuleu', 'Julie', 'Muller', 'Infirmière de secteur', 'professionnel_sante'),
  m('psyMontigny', 'cmpMontigny', 'Hélène', 'Roth', 'Psychologue', 'professionnel_sante'),
  m('infMontigny', 'cmpMontigny', 'Yann', 'Guérin', 'Cadre de santé', 'professionnel_sante'),
  m('mht1', 'mht', 'Karima', 'Benhamou', 'Chargée de gestion locative', 'personnel_bailleur'),
  m('mht2', 'mht', 'Olivier', 'Marchal', 'Responsable d’agence', 'personnel_bailleur'),
  m('vivest1', 'vivest', 'Karim', 'Benali', 'Conseiller social', 'personnel_bailleur'),
  m('vivest2', 'vivest', 'Sandrine', 'Becker', 'Chargée de contentieux', 'personnel_bailleur'),
  m('ccasMetz1', 'ccasMetz', 'Anne', 'Klein', 'Assistante sociale', 'travailleur_social'),
  m('ccasMetz2', 'ccasMetz', 'Thomas', 'Wagner', 'Conseiller en économie sociale et familiale', 'travailleur_social'),
  m('ccasMontigny1', 'ccasMontigny', 'Émilie', 'Lorrain', 'Assistante sociale', 'travailleur_social'),
  m('ccasMontigny2', 'ccasMontigny', 'Paul', 'Jacquot', 'Responsable de l’action sociale', 'travailleur_social'),
  m('udaf1', 'udaf', 'Françoise', 'Weber', 'Mandataire judiciaire', 'mandataire_judiciaire'),
  m('udaf2', 'udaf', 'Christophe', 'Hennequin', 'Mandataire judiciaire', 'mandataire_judiciaire'),
  m('atm1', 'atm', 'Isabelle', 'Pierron', 'Déléguée mandataire', 'mandataire_judiciaire'),
  m('cms1', 'cms', 'Nathalie', 'Grosjean', 'Assistante sociale de secteur', 'travailleur_social'),
  m('cms2', 'cms', 'Rachid', 'Ouali', 'Éducateur spécialisé', 'travailleur_social'),
  m('mg1', 'mg', 'Bernard', 'Lallement', 'Médecin généraliste', 'professionnel_sante'),
  m('mg2', 'mg', 'Claire', 'Vautrin', 'Médecin généraliste', 'professionnel_sante'),
  m('ddets1', 'ddets', 'Marc', 'Simonin', 'Chargé de mission hébergement-logement', 'autre'),
  m('unafam1', 'unafam', 'Monique', 'Thilly', 'Déléguée départementale', 'representant_usagers_aidants'),
  m('unafam2', 'unafam', 'Jean-Luc', 'Bour', 'Bénévole accueillant', 'representant_usagers_aidants'),
  m('gem1', 'gem', 'Sophie', 'Humbert', 'Animatrice', 'representant_usagers_aidants'),
  m('gem2', 'gem', 'Denis', 'Collignon', 'Adhérent élu', 'representant_usagers_aidants'),
  m('ddets2', 'ddets', 'Laure', 'Mangin', 'Inspectrice de l’action sanitaire et sociale', 'autre'),
];

/** What happens to a situation during the year. */
export type DemoPath =
  | 'rejected'
  | 'awaiting_consent'
  | 'ready'
  | 'examined_follow_up'
  | 'examined_closed'
  | 'withdrawn_after'
  | 'reexamined'
  | 'postponed_then_examined';

export interface DemoSituation {
  firstName: string;
  lastName: string;
  birthYear: number;
  address: string;
  ageBand: AgeBand;
  commune: string;
  referrer: string;
  question: string;
  typology: string[];
  /** The structures the person excludes (keys), the identity they share, their protection. */
  excluded: string[];
  identitySharing: 'code' | 'first_name' | 'full';
  legalProtection: LegalProtection;
  representative: string;
  path: DemoPath;
  /** The meeting (1 to 3) where it is first on the agenda. */
  meeting: number;
  synthesis: string;
  proposals: string;
}

const s = (fields: DemoSituation): DemoSituation => fields;

export const DEMO_SITUATIONS: DemoSituation[] = [
  s({
    firstName: 'Jacqueline',
    lastName: 'Marchetti',
    birthYear: 1952,
    address: '8 rue Saint-Bernard, 57950 Montigny-lès-Metz',
    ageBand: '66_75',
    commune: 'Montigny-lès-Metz',
    referrer: 'ccasMontigny1',
    typology: ['logement', 'isolement'],
    question: 'Comment éviter l’expulsion et rétablir un lien avec le soin ?',
    excluded: [],
    identitySharing: 'full',
    legalProtection: 'none',
    representative: '',
    path: 'reexamined',
    meeting: 1,
    synthesis: 'Logement encombré, voisinage inquiet, aucun suivi médical depuis deux ans.',
    proposals: 'Visite à domicile conjointe CCAS et CMP ; contact avec le bailleur pour suspendre la procédure.',
  }),
  s({
    firstName: 'Mohamed',
    lastName: 'Haddad',
    birthYear: 1979,
    address: '15 rue de Toul, 57070 Metz',
    ageBand: '46_55',
    commune: 'Metz',
    referrer: 'ccasMetz1',
    typology: ['logement', 'santé psychique'],
    question: 'Quel accompagnement pour un maintien dans le logement ?',
    excluded: ['vivest'],
    identitySharing: 'first_name',
    legalProtection: 'none',
    representative: '',
    path: 'examined_follow_up',
    meeting: 1,
    synthesis: 'Troubles du voisinage, impayés récents, rupture de traitement.',
    proposals: 'Reprise de contact avec le CMP ; plan d’apurement étudié avec le CCAS.',
  }),
  s({
    firstName: 'Christiane',
    lastName: 'Lambotte',
    birthYear: 1947,
    address: '3 place de la Nation, 57070 Metz',
    ageBand: '76_plus',
    commune: 'Metz',
    referrer: 'udaf1',
    typology: ['protection juridique', 'isolement'],
    question: 'Comment organiser l’aide à domicile refusée jusqu’ici ?',
    excluded: [],
    identitySharing: 'code',
    legalProtection: 'tutelle',
    representative: 'UDAF de la Moselle, service des majeurs protégés',
    path: 'examined_follow_up',
    meeting: 1,
    synthesis: 'Isolement marqué, refus des aides, état de santé préoccupant.',
    proposals: 'Rencontre avec la tutrice et le médecin traitant ; présentation du GEM.',
  }),
  s({
    firstName: 'Kévin',
    lastName: 'Dufrêne',
    birthYear: 1998,
    address: '27 rue des Jardins, 57000 Metz',
    ageBand: '26_35',
    commune: 'Metz',
    referrer: 'cms1',
    typology: ['addictions', 'accès aux droits'],
    question: 'Quelles portes d’entrée vers le soin et les droits ?',
    excluded: [],
    identitySharing: 'first_name',
    legalProtection: 'none',
    representative: '',
    path: 'withdrawn_after',
    meeting: 1,
    synthesis: 'Jeune adulte sans ressources, consommations, hébergement chez des tiers.',
    proposals: 'Orientation vers le CSAPA ; ouverture des droits avec le CMS.',
  }),
  s({
    firstName: 'Nadia',
    lastName: 'Benyahia',
    birthYear: 1985,
    address: '40 boulevard de Provence, 57070 Metz',
    ageBand: '36_45',
    commune: 'Metz',
    referrer: 'mht1',
    typology: ['logement', 'parentalité'],
    question: 'Comment soutenir une mère isolée menacée de perdre son logement ?',
    excluded: ['mg'],
    identitySharing: 'full',
    legalProtection: 'none',
    representative: '',
    path: 'examined_closed',
    meeting: 2,
    synthesis: 'Dette locative, épuisement, enfants scolarisés.',
    proposals: 'Relais vers le droit commun : FSL et accompagnement social du CMS.',
  }),
  s({
    firstName: 'Gérard',
    lastName: 'Hoffmann',
    birthYear: 1960,
    address: '5 rue des Loges, 57000 Metz',
    ageBand: '56_65',
    commune: 'Metz',
    referrer: 'vivest1',
    typology: ['santé psychique', 'endettement'],
    question: 'Quel relais après une hospitalisation ?',
    excluded: [],
    identitySharing: 'first_name',
    legalProtection: 'curatelle_renforcee',
    representative: 'Association tutélaire de la Moselle',
    path: 'examined_follow_up',
    meeting: 2,
    synthesis: 'Sortie d’hospitalisation, logement dégradé, curatelle récente.',
    proposals: 'Visite conjointe bailleur et curatrice ; suivi infirmier du CMP.',
  }),
  s({
    firstName: 'Léa',
    lastName: 'Fischbach',
    birthYear: 2003,
    address: '11 rue Pasteur, 57950 Montigny-lès-Metz',
    ageBand: '18_25',
    commune: 'Montigny-lès-Metz',
    referrer: 'psyMontigny',
    typology: ['isolement', 'santé psychique'],
    question: 'Comment sortir de l’isolement ?',
    excluded: [],
    identitySharing: 'code',
    legalProtection: 'none',
    representative: '',
    path: 'postponed_then_examined',
    meeting: 2,
    synthesis: 'Repli à domicile depuis l’arrêt des études.',
    proposals: 'Présentation du GEM ; rendez-vous avec la psychologue du CMP.',
  }),
  s({
    firstName: 'Roger',
    lastName: 'Thiébaut',
    birthYear: 1950,
    address: '2 rue du Grand Cerf, 57000 Metz',
    ageBand: '76_plus',
    commune: 'Metz',
    referrer: 'mg1',
    typology: ['isolement', 'logement'],
    question: 'Comment sécuriser le maintien à domicile ?',
    excluded: [],
    identitySharing: 'full',
    legalProtection: 'none',
    representative: '',
    path: 'examined_follow_up',
    meeting: 3,
    synthesis: 'Chutes répétées, refus d’entrer en établissement.',
    proposals: 'Évaluation des aides à domicile ; téléassistance proposée.',
  }),
  s({
    firstName: 'Aïcha',
    lastName: 'Diallo',
    birthYear: 1990,
    address: '19 rue Mazagran, 57000 Metz',
    ageBand: '36_45',
    commune: 'Metz',
    referrer: 'ccasMetz2',
    typology: ['accès aux droits', 'santé psychique'],
    question: 'Quelles démarches prioriser ?',
    excluded: ['ddets'],
    identitySharing: 'first_name',
    legalProtection: 'none',
    representative: '',
    path: 'examined_closed',
    meeting: 3,
    synthesis: 'Droits interrompus, angoisses importantes.',
    proposals: 'Réouverture des droits ; orientation vers le CMP.',
  }),
  s({
    firstName: 'Josiane',
    lastName: 'Kowalczyk',
    birthYear: 1966,
    address: '6 rue Haute-Seille, 57000 Metz',
    ageBand: '56_65',
    commune: 'Metz',
    referrer: 'cms2',
    typology: ['logement'],
    question: 'Une orientation en urgence est-elle possible ?',
    excluded: [],
    identitySharing: 'code',
    legalProtection: 'none',
    representative: '',
    path: 'rejected',
    meeting: 0,
    synthesis: '',
    proposals: '',
  }),
  s({
    firstName: 'Patrick',
    lastName: 'Vilain',
    birthYear: 1972,
    address: '9 rue du Pont-des-Morts, 57000 Metz',
    ageBand: '46_55',
    commune: 'Metz',
    referrer: 'infQueuleu',
    typology: ['santé psychique'],
    question: 'Comment éviter une nouvelle hospitalisation sans consentement ?',
    excluded: [],
    identitySharing: 'code',
    legalProtection: 'none',
    representative: '',
    path: 'awaiting_consent',
    meeting: 0,
    synthesis: '',
    proposals: '',
  }),
  s({
    firstName: 'Marie-Thérèse',
    lastName: 'Colombani',
    birthYear: 1958,
    address: '14 rue Dupont-des-Loges, 57000 Metz',
    ageBand: '66_75',
    commune: 'Metz',
    referrer: 'mht2',
    typology: ['logement', 'isolement'],
    question: 'Comment accompagner un relogement ?',
    excluded: [],
    identitySharing: 'full',
    legalProtection: 'none',
    representative: '',
    path: 'ready',
    meeting: 0,
    synthesis: '',
    proposals: '',
  }),
];

/** The three meetings of the year (Europe/Paris days), animated by the CMP's psychiatrist. */
export const DEMO_MEETINGS = ['2026-03-12', '2026-06-11', '2026-10-08'];
