import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

/** A held meeting whose one item was deliberated, with two actions; the item's answer given or not. */
function seedItem(handle: Db, agreement: 'agreed' | 'refused' | null): void {
  seedSituation(handle, now);
  handle
    .prepare(
      `INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
       VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 'held', 1, ?, ?)`,
    )
    .run(now, now);
  handle
    .prepare(
      `INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, status, created_at)
       VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', 'deliberated', ?)`,
    )
    .run(now);
  handle
    .prepare(
      `INSERT INTO deliberations (item_id, synthesis, response_typology, proposals, returned_on, person_agreement, recorded_by, recorded_at, updated_at)
       VALUES (1, 'Synthèse', '[]', 'Propositions', ?, ?, 1, ?, ?)`,
    )
    .run(agreement ? '2026-04-03' : null, agreement, now, now);
  const action = handle.prepare(
    `INSERT INTO actions (item_id, what, owner_member_id, owner_structure_id, due_on, created_by, created_at) VALUES (1, ?, 1, NULL, '2026-05-01', 1, ?)`,
  );
  action.run('Visite', now);
  action.run('Dossier FSL', now);
}

describe('migration 015 (an answer per proposal)', () => {
  it('gives every existing action its item’s answer, and none where none was given', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 14 });
    seedItem(db, 'refused');
    migrate(db, { target: 15 });
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare('SELECT person_agreement FROM actions ORDER BY id').pluck().all()).toEqual(['refused', 'refused']);

    const other = freshEncryptedDb().db;
    migrate(other, { target: 14 });
    seedItem(other, null);
    migrate(other, { target: 15 });
    expect(other.prepare('SELECT person_agreement FROM actions').pluck().all()).toEqual([null, null]);
    other.close();
  });

  it('accepts the three answers only', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 14 });
    seedItem(db, null);
    migrate(db, { target: 15 });
    db.exec(`UPDATE actions SET person_agreement = 'discuss' WHERE id = 1`);
    expect(() => db!.exec(`UPDATE actions SET person_agreement = 'maybe' WHERE id = 1`)).toThrow(/CHECK/);
  });
});
