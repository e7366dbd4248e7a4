import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-03-02T09:00:00.000Z';

function meetingWithItem(handle: Db): void {
  seedSituation(handle, now);
  handle
    .prepare(
      `INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, created_by, created_at, updated_at)
       VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 1, ?, ?)`,
    )
    .run(now, now);
  handle
    .prepare(
      `INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, created_at) VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', ?)`,
    )
    .run(now);
}

describe('migration 005 (meetings)', () => {
  it('upgrades a version-4 database', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 4 });
    migrate(db, { target: 5 });
    expect(schemaVersion(db)).toBe(5);
    meetingWithItem(db);
    expect(db.prepare('SELECT state FROM meetings').pluck().get()).toBe('planned');
  });

  it('never moves a held meeting and deletes only a planned one', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 5 });
    meetingWithItem(db);
    expect(() => db!.prepare(`UPDATE meetings SET ends_at = '13:00' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE meetings SET state = 'held' WHERE id = 1`).run();
    expect(() => db!.prepare(`UPDATE meetings SET held_on = '2026-04-03' WHERE id = 1`).run()).toThrow(/cannot be moved/);
    expect(() => db!.prepare(`UPDATE meetings SET place = 'Ailleurs' WHERE id = 1`).run()).toThrow(/cannot be moved/);
    db.prepare(`UPDATE meetings SET state = 'minutes_signed' WHERE id = 1`).run();
    expect(() => db!.prepare(`DELETE FROM meetings WHERE id = 1`).run()).toThrow(/only a planned meeting/);
  });

  it('puts a situation once on an agenda, keeps a dropped item with its reasons, and gives an action one owner', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 5 });
    meetingWithItem(db);
    const again = `INSERT INTO agenda_items (meeting_id, situation_id, position, neutral_question, scheduled_from, created_at) VALUES (1, 1, 2, 'Q', 'ready', '${now}')`;
    expect(() => db!.prepare(again).run()).toThrow(/UNIQUE/);
    expect(() => db!.prepare(`UPDATE agenda_items SET status = 'dropped' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE agenda_items SET status = 'dropped', dropped_at = ?, dropped_reasons = '[]' WHERE id = 1`).run(now);
    db.prepare(again).run(); // a dropped item does not hold the place
    const action = `INSERT INTO actions (item_id, what, owner_member_id, owner_structure_id, due_on, created_by, created_at) VALUES (1, 'Visite', ?, ?, '2026-05-01', 1, '${now}')`;
    expect(() => db!.prepare(action).run(1, 1)).toThrow(/CHECK/);
    expect(() => db!.prepare(action).run(null, null)).toThrow(/CHECK/);
    db.prepare(action).run(1, null);
  });
});
