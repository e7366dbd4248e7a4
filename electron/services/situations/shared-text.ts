// G6 — the person's name never enters text that others read. Every free text bound for a shared
// document (agenda, convocation, minutes, extract, addendum) is checked here, in the main process,
// against the identity of each situation it may speak of; a match is refused with the field named.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { personNamesIn, PersonNames } from '../../shared/person-names';

/** The identities of these situations (erased ones have none left to leak). */
function identitiesOf(db: Db, situationIds: readonly number[]): PersonNames[] {
  const select = db.prepare('SELECT first_name AS firstName, last_name AS lastName FROM situation_identities WHERE situation_id = ?');
  return situationIds.map((id) => select.get(id) as PersonNames | undefined).filter((n): n is PersonNames => n !== undefined);
}

/**
 * Refuses (NAME_IN_SHARED_TEXT) when any field names a person of these situations; the message per
 * field quotes the word as typed so the user sees what to rewrite, and the audit gets none of it.
 */
export function assertNoPersonName(db: Db, situationIds: readonly number[], fields: Record<string, string | null | undefined>): void {
  const people = identitiesOf(db, situationIds);
  const refused: Record<string, string> = {};
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const found = [...new Set(people.flatMap((names) => personNamesIn(text, names)))];
    if (found.length > 0) {
      refused[field] =
        `Ce texte sera lu par d’autres membres : retirez le nom de la personne (${found.map((f) => `« ${f} »`).join(', ')}) et désignez-la par sa référence.`;
    }
  }
  if (Object.keys(refused).length > 0) throw new AppError('NAME_IN_SHARED_TEXT', { fields: refused });
}
