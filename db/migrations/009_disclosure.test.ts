import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

function withSignedAction(handle: Db): void {
  seedSituation(handle, now);
  handle.exec(`
    INSERT INTO structures (id, name, sector, created_at, updated_at) VALUES (2, 'CMP de Metz-Queuleu', 'cmp', '${now}', '${now}');
    INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
    VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 'minutes_signed', 1, '${now}', '${now}');
    INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, status, created_at)
    VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', 'deliberated', '${now}');
    INSERT INTO actions (id, item_id, what, owner_member_id, due_on, created_by, created_at)
    VALUES (1, 1, 'Visite conjointe', 1, '2026-04-16', 1, '${now}');
  `);
}

const reassign = (to: string) =>
  `INSERT INTO action_reassignments (action_id, from_member_id, to_structure_id, reason, reassigned_on, reassigned_by, reassigned_at)
   VALUES (1, 1, ${to}, 'Départ en congé', '2026-04-10', 1, '${now}')`;

describe('migration 009 (disclosure)', () => {
  it('upgrades a version-8 database with its signed actions', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 8 });
    withSignedAction(db);
    migrate(db, { target: 9 });
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(1);
  });

  it('changes a signed action’s owner only to the one its latest recorded reassignment names', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 9 });
    withSignedAction(db);
    expect(() => db!.exec('UPDATE actions SET owner_member_id = NULL, owner_structure_id = 2 WHERE id = 1')).toThrow(/reassigned/);
    db.exec(reassign('2'));
    db.exec('UPDATE actions SET owner_member_id = NULL, owner_structure_id = 2 WHERE id = 1');
    expect(() => db!.exec('UPDATE actions SET owner_member_id = NULL, owner_structure_id = 1 WHERE id = 1')).toThrow(/reassigned/);
    expect(() => db!.exec('UPDATE action_reassignments SET reason = 1')).toThrow(/recorded once/);
    expect(() => db!.exec('DELETE FROM action_reassignments')).toThrow(/recorded once/);
  });

  it('keeps one convocation print per member and meeting, with a SHA-256 digest', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 9 });
    withSignedAction(db);
    const insert = (digest: string) => db!.prepare('INSERT INTO convocation_prints VALUES (1, 1, ?, ?, 1)').run(digest, now);
    expect(() => insert('abc')).toThrow(/CHECK/);
    insert('a'.repeat(64));
    expect(() => insert('b'.repeat(64))).toThrow(/UNIQUE/);
  });
});
