// French grammar for sentences built around names, places and counts: elision (de/d’, que/qu’),
// contraction with the article an organisation or a place takes (du, au, de la, à l’, aux), plurals
// by count, and forms agreed with a civility. Every document and page goes through here, so one
// rule is written once. No library does this for French proper names: the article of « CCAS de
// Metz » or « Salle du CLSM » comes from the head noun, which needs the small lexicon below.

export type Civility = 'madame' | 'monsieur' | 'unspecified';

export const CIVILITIES: Record<Civility, string> = {
  madame: 'Madame',
  monsieur: 'Monsieur',
  unspecified: 'Non précisée',
};

/** Who signs a document: the name printed and the civility the forms agree with. */
export interface Signatory {
  name: string;
  civility: Civility;
}

export const CIVILITY_CODES = Object.keys(CIVILITIES) as [Civility, ...Civility[]];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();

/**
 * First names and nouns whose h is mute (« d’Hélène », « l’hôpital »). Every other h is taken as
 * aspirated: surnames of Alsace-Moselle (Hœrner, Hoffmann, Huber) and « le handicap » do not elide.
 */
const MUTE_H = new Set(
  [
    'hadrien',
    'hector',
    'helene',
    'heloise',
    'henri',
    'henriette',
    'herve',
    'hilaire',
    'hippolyte',
    'honore',
    'hortense',
    'hubert',
    'hugo',
    'hugues',
    'huguette',
    'hyacinthe',
    'habitat',
    'habitation',
    'hebergement',
    'hopital',
    'hospitalisation',
    'hotel',
    'huissier',
  ].map(fold),
);

const firstWord = (text: string) => text.trim().split(/[\s’'-]/)[0] ?? '';

/** Whether a word begins with a vowel sound, so that de, que, le and la elide before it. */
export function startsWithVowelSound(text: string): boolean {
  const word = fold(firstWord(text.normalize('NFC')));
  if (word === '') return false;
  if (/^[aeiou]/.test(word)) return true;
  // « Yves », « Yvette »: a vowel; « Yann », « Yasmine »: a consonant.
  if (word.startsWith('y')) return /^y[^aeiouy]/.test(word);
  if (word.startsWith('h')) return MUTE_H.has(word);
  return false;
}

/** « d’Anne Klein », « d’Hélène Roth », « de Claire Schmitt », « de Françoise Hœrner ». */
export function of(name: string): string {
  return startsWithVowelSound(name) ? `d’${name.trim()}` : `de ${name.trim()}`;
}

/** « qu’Anne Klein », « que Claire Schmitt ». */
export function that(name: string): string {
  return `${thatBefore(name)}${name.trim()}`;
}

/** The conjunction alone, for a name printed in another style: « qu’ » or « que ». */
export function thatBefore(name: string): string {
  return startsWithVowelSound(name) ? 'qu’' : 'que ';
}

type Article = 'le' | 'la' | 'les' | null;

/**
 * The article an organisation or a place takes, from its head word. Acronyms and nouns of the
 * partners a CLSM works with; anything else (a town, a proper name) takes none: « à Metz ».
 */
const ARTICLES: Record<string, 'le' | 'la' | 'les'> = Object.fromEntries(
  Object.entries({
    le: [
      'accueil',
      'atelier',
      'bailleur',
      'bureau',
      'cabinet',
      'caarud',
      'cada',
      'cams',
      'ccas',
      'centre',
      'ch',
      'chs',
      'chr',
      'chrs',
      'chu',
      'chru',
      'cias',
      'clic',
      'clsm',
      'cmp',
      'cmpp',
      'collectif',
      'comite',
      'commissariat',
      'conseil',
      'csapa',
      'departement',
      'dispositif',
      'espace',
      'etablissement',
      'ehpad',
      'esat',
      'foyer',
      'gem',
      'groupe',
      'groupement',
      'hopital',
      'hotel',
      'ime',
      'institut',
      'logement',
      'office',
      'pole',
      'point',
      'relais',
      'reseau',
      'samsah',
      'samu',
      'savs',
      'secteur',
      'service',
      'siao',
      'ssiad',
      'syndicat',
      'tribunal',
    ],
    la: [
      'agence',
      'antenne',
      'ars',
      'association',
      'brigade',
      'caf',
      'cite',
      'clinique',
      'communaute',
      'cpam',
      'ddcs',
      'ddets',
      'delegation',
      'direction',
      'dreets',
      'equipe',
      'federation',
      'fondation',
      'gendarmerie',
      'halte',
      'maison',
      'mairie',
      'maraude',
      'mdph',
      'metropole',
      'mission',
      'msa',
      'mutuelle',
      'permanence',
      'plateforme',
      'police',
      'prefecture',
      'residence',
      'salle',
      'udaf',
      'unafam',
      'unite',
      'ville',
    ],
    les: ['services', 'restos'],
  }).flatMap(([article, words]) => words.map((w) => [w, article as 'le' | 'la' | 'les'])),
);

const ACRONYMS = new Set(
  'caarud cada cams ccas ch chs chr chrs chru chu cias clic clsm cmp cmpp csapa ehpad esat gem ime samsah samu savs siao ssiad ars caf cpam ddcs ddets dreets mdph msa udaf unafam'.split(
    ' ',
  ),
);

interface Phrase {
  article: Article;
  /** The name without a leading article of its own (« Le Relais » → « Relais »). */
  rest: string;
  /** The article was part of the name: keep its capital (« de La Passerelle »). */
  ownArticle: boolean;
}

function phrase(name: string): Phrase {
  const text = name.trim();
  // « L’Escale »: the elided article is kept as written.
  if (/^l[’']/i.test(text)) return { article: null, rest: text, ownArticle: true };
  const own = /^(le|la|les)\s+(.*)$/i.exec(text);
  if (own) {
    const word = own[1]!.toLowerCase();
    const article: Article = word === 'le' ? 'le' : word === 'les' ? 'les' : 'la';
    return { article, rest: own[2]!, ownArticle: word === 'la' };
  }
  const head = firstWord(text);
  const article = ARTICLES[fold(head)] ?? null;
  // An acronym counts only written as one: « ARS » takes « l’ », the town of Ars-sur-Moselle none.
  const known = article !== null && (!ACRONYMS.has(fold(head)) || head === head.toUpperCase());
  return { article: known ? article : null, rest: text, ownArticle: false };
}

/** « du CCAS de Metz », « de la Salle du CLSM », « de l’UDAF de la Moselle », « de Metz ». */
export function ofPlace(name: string): string {
  const p = phrase(name);
  if (p.ownArticle) return p.article === 'la' ? `de ${name.trim()}` : of(name);
  if (p.article === 'les') return `des ${p.rest}`;
  if (p.article !== null && startsWithVowelSound(p.rest)) return `de l’${p.rest}`;
  if (p.article === 'le') return `du ${p.rest}`;
  if (p.article === 'la') return `de la ${p.rest}`;
  return of(p.rest);
}

/** « au CMP de Metz-Queuleu », « à la Salle du CLSM », « à l’UDAF », « aux Restos du Cœur », « à Metz ». */
export function toPlace(name: string): string {
  const p = phrase(name);
  if (p.ownArticle) return p.article === 'la' ? `à ${name.trim()}` : `à ${p.rest}`;
  if (p.article === 'les') return `aux ${p.rest}`;
  if (p.article !== null && startsWithVowelSound(p.rest)) return `à l’${p.rest}`;
  if (p.article === 'le') return `au ${p.rest}`;
  if (p.article === 'la') return `à la ${p.rest}`;
  return `à ${p.rest}`;
}

/** « 1 situation », « 0 situation », « 3 situations »: French keeps 0 and 1 singular. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${Math.abs(n) < 2 ? singular : plural}`;
}

/** The word alone, agreed with a count: « situation » / « situations ». */
export function byCount(n: number, singular: string, plural = `${singular}s`): string {
  return Math.abs(n) < 2 ? singular : plural;
}

/** A word agreed with a civility; the neutral form is used when none is recorded. */
export function agreed(civility: Civility, forms: { monsieur: string; madame: string; neutral: string }): string {
  return civility === 'madame' ? forms.madame : civility === 'monsieur' ? forms.monsieur : forms.neutral;
}

/** The salutation of a letter: « Madame, », « Monsieur, », « Madame, Monsieur, ». */
export function salutation(civility: Civility): string {
  return agreed(civility, { madame: 'Madame,', monsieur: 'Monsieur,', neutral: 'Madame, Monsieur,' });
}

/** « Madame Anne Klein », or the name alone when no civility is recorded. */
export function addressedName(civility: Civility, name: string): string {
  return civility === 'unspecified' ? name : `${CIVILITIES[civility]} ${name}`;
}

/** « coordinatrice », « coordinateur », or a wording that needs no agreement. */
export function coordinatorTitle(civility: Civility): string {
  return agreed(civility, { madame: 'coordinatrice', monsieur: 'coordinateur', neutral: 'en charge de la coordination' });
}

/**
 * The opening of an attestation: « Je soussignée, Claire Schmitt, coordinatrice du Conseil local
 * de santé mentale — X, atteste que… ». Without a civility no form is agreed: « Claire Schmitt,
 * en charge de la coordination du Conseil local de santé mentale — X, atteste que… ».
 */
export function undersigned(civility: Civility, name: string, of: string): string {
  if (civility === 'unspecified') return `${name}, en charge de la coordination ${of},`;
  const who = civility === 'madame' ? 'Je soussignée' : 'Je soussigné';
  return `${who}, ${name}, ${coordinatorTitle(civility)} ${of},`;
}

/** A list in a sentence: « A », « A et B », « A, B et C ». */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
