// G6 — names kept out of shared text. Convocations, agendas, minutes and extracts go to members
// who must not learn who the person is beyond what the consent allows: any free text that goes
// into them is checked against the situation's identity. Pure, so the forms can warn as the user
// types; the main process refuses (NAME_IN_SHARED_TEXT).
import { findFoldedPhrases, foldText } from './folded-words';

export interface PersonNames {
  firstName: string;
  lastName: string;
  /** A birth name (« née Muller »), when the identity records one. */
  birthName?: string | null;
}

/** Parts shorter than this (« Le », « Di ») identify nobody alone: only the whole name is searched. */
const MIN_PART = 3;

/** The forms a name may be typed in: whole, and each part of a compound (« Kessler-Lentz », « Lentz »). */
export function nameForms(names: PersonNames): string[] {
  const forms = new Set<string>();
  for (const name of [names.lastName, names.firstName, names.birthName ?? '']) {
    const whole = foldText(name).trim();
    if (whole === '') continue;
    forms.add(whole);
    for (const part of whole.split(/[\s\-‐–'’]+/u)) if (part.length >= MIN_PART) forms.add(part);
  }
  // Longest first, so that « Kessler-Lentz » is reported whole rather than as « Kessler ».
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The person's names found in a text, as written there; empty when the text is clean. */
export function personNamesIn(text: string, names: PersonNames): string[] {
  const found = findFoldedPhrases(text, nameForms(names));
  // Drop a part already reported inside a longer match (« Lentz » within « Kessler-Lentz »).
  return found.filter((f) => !found.some((g) => g !== f && foldText(g).includes(foldText(f))));
}
