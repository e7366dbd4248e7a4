// An action as the person reads it. The commission writes actions for professionals (« Accompagner
// la personne à la MDPH »); the letter speaks to the person (« Vous accompagner à la MDPH »). This
// draft is only a starting point, prefilled beside each action and corrected by the coordination:
// a few safe rewrites, no attempt at full grammar.
const PERSON = 'la personne';

const REWRITES: [RegExp, string][] = [
  // « Proposer à la personne un rendez-vous » → « Vous proposer un rendez-vous ».
  [/^(\p{L}+(?:er|ir|re)) à la personne\b/iu, 'Vous $1'],
  // « Accompagner la personne à la MDPH » → « Vous accompagner à la MDPH ».
  [/^(\p{L}+(?:er|ir|re)) la personne\b/iu, 'Vous $1'],
  [/\b(avec|pour|chez|auprès de|près de) la personne\b/giu, '$1 vous'],
  [/\bde la personne\b/giu, 'vous concernant'],
  [/\bla personne\b/giu, 'vous'],
  [/\b(son|sa)\b/giu, 'votre'],
  [/\bses\b/giu, 'vos'],
];

export function personWordingDraft(what: string): string {
  let text = what.trim();
  for (const [pattern, replacement] of REWRITES) {
    const before = text;
    text = text.replace(pattern, replacement);
    // The leading verb moved after « Vous »: it is no longer the sentence's first word.
    if (before !== text && replacement.startsWith('Vous $1'))
      text = text.replace(/^Vous (\p{Lu})/u, (_, c: string) => `Vous ${c.toLowerCase()}`);
  }
  return text.includes(PERSON) ? what.trim() : text;
}
