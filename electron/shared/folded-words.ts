// Whole-word search that ignores accents, case and hyphens, and names each match as it was written
// (« Dépression », « Hœrner »). Shared by the diagnosis warning (G6) and the person-name check.

/** Accent-free, lower-case, with « œ »/« æ » spelled out so that « Hœrner » folds to « hoerner ». */
export const foldText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');

/** A folded phrase as a pattern: its words separated by any run of spaces, hyphens or apostrophes. */
const phrasePattern = (phrase: string) =>
  phrase
    .split(/[\s\-‐–'’]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(`[\\s\\-‐–'’]+`);

/** The phrases found in a text as whole words, each as written there (once). Phrases are folded. */
export function findFoldedPhrases(text: string, phrases: readonly string[]): string[] {
  const chars = [...text];
  let folded = '';
  const origin: number[] = [];
  chars.forEach((char, index) => {
    const f = foldText(char);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(index);
  });
  const found: string[] = [];
  for (const phrase of phrases) {
    const pattern = phrasePattern(foldText(phrase));
    if (pattern === '') continue;
    const match = new RegExp(`(^|[^\\p{L}\\p{N}])(${pattern})(?=$|[^\\p{L}\\p{N}])`, 'u').exec(folded);
    if (!match) continue;
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length - 1;
    const written = chars.slice(origin[start], origin[end]! + 1).join('');
    if (!found.includes(written)) found.push(written);
  }
  return found;
}
