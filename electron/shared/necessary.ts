// G6 — strictly necessary. There is no diagnosis field; free text carries a reminder, and a soft
// warning (never a refusal) when it holds words of a diagnosis vocabulary. Pure: the forms call it
// as the user types, and its test pins the list.
import { findFoldedPhrases } from './folded-words';

export const NECESSARY_REMINDER =
  'N’écrivez que ce qui est strictement nécessaire à la Commission : ni diagnostic, ni détail de santé, ni élément sans lien avec la question posée.';

/** Short on purpose: the warning must stay rare enough to be read. Accent- and case-free forms. */
export const DIAGNOSIS_WORDS = [
  'schizophrene',
  'schizophrenie',
  'bipolaire',
  'bipolarite',
  'psychose',
  'psychotique',
  'depression',
  'depressif',
  'depressive',
  'paranoia',
  'paranoiaque',
  'autisme',
  'autiste',
  'borderline',
  'toc',
  'anorexie',
  'boulimie',
  'alzheimer',
  'demence',
  'delire',
  'hallucination',
  'hallucinations',
  'tentative de suicide',
  // Care and treatment: what a member would type without thinking of it as a diagnosis.
  'traitement',
  'traitements',
  'hospitalisation',
  'hospitalisations',
  'hospitalise',
  'hospitalisee',
  'soins sans consentement',
  'neuroleptique',
  'neuroleptiques',
  'antidepresseur',
  'antidepresseurs',
  'anxiolytique',
  'anxiolytiques',
  'psychotrope',
  'psychotropes',
  'injection retard',
  // Addictions.
  'alcool',
  'alcoolisme',
  'alcoolique',
  'alcoolisation',
  'addiction',
  'addictions',
  'addictologie',
  'sevrage',
  'toxicomanie',
  'toxicomane',
  'drogue',
  'drogues',
  'cannabis',
  'heroine',
  'cocaine',
  'methadone',
] as const;

/** The diagnosis words found in a text (whole words), as the user wrote them: « Dépression ». */
export const diagnosisWords = (text: string): string[] => findFoldedPhrases(text, DIAGNOSIS_WORDS);
