// G6 — strictly necessary. There is no diagnosis field; free text carries a reminder, and a soft
// warning (never a refusal) when it holds words of a diagnosis vocabulary. Pure: the forms call it
// as the user types, and its test pins the list.

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
] as const;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The diagnosis words found in a text (whole words), as the user wrote them: « Dépression ». */
export function diagnosisWords(text: string): string[] {
  // Fold character by character, remembering where each folded character came from.
  const chars = [...text];
  let folded = '';
  const origin: number[] = [];
  chars.forEach((char, index) => {
    const f = fold(char);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(index);
  });
  const found: string[] = [];
  for (const word of DIAGNOSIS_WORDS) {
    const match = new RegExp(`(^|[^\\p{L}])(${word})(?=$|[^\\p{L}])`, 'u').exec(folded);
    if (!match) continue;
    const start = match.index + match[1]!.length;
    const written = chars.slice(origin[start], origin[start + word.length - 1]! + 1).join('');
    if (!found.includes(written)) found.push(written);
  }
  return found;
}
