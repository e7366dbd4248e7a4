import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-06-02T08:00:00.000Z';

/** A version-15 database with two CLSM meetings (one held, one planned) and their structures. */
function seedV15(handle: Db): void {
  seedSituation(handle, now);
  handle
    .prepare(
      `INSERT INTO structures (id, name, sector, created_at, updated_at) VALUES (2, 'Metz Habitat Territoire', 'bailleur_social', ?, ?)`,
    )
    .run(now, now);
  const meeting = handle.prepare(
    `INSERT INTO clsm_meetings (id, kind, held_on, status, subject, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  meeting.run(1, 'comite_pilotage', '2026-02-10', 'held', 'Bilan annuel', now, now);
  meeting.run(2, 'assemblee_pleniere', '2026-12-08', 'planned', 'Forum ouvert', now, now);
  handle.exec(`INSERT INTO clsm_meeting_structures (meeting_id, structure_id) VALUES (1, 1), (1, 2), (2, 2)`);
}

/** Signs meeting 1's minutes the way the service does: one immutable row. */
const sign = (handle: Db) =>
  handle
    .prepare(
      `INSERT INTO clsm_minutes_documents (meeting_id, sequence, kind, pdf, sha256, signers, signed_by, signed_at) VALUES (1, 0, 'minutes', ?, 'ab', '[]', 1, ?)`,
    )
    .run(Buffer.from('%PDF-1.7'), now);

describe('migration 016 (the CLSM’s bodies and its action plan)', () => {
  it('turns the structures recorded at a meeting into invitations, present where the meeting was held', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 15 });
    seedV15(db);
    migrate(db, { target: 16 });
    expect(schemaVersion(db)).toBe(16);
    expect(db.prepare('SELECT meeting_id, structure_id, attendance FROM clsm_invitations ORDER BY meeting_id, structure_id').all()).toEqual(
      [
        { meeting_id: 1, structure_id: 1, attendance: 'present' },
        { meeting_id: 1, structure_id: 2, attendance: 'present' },
        { meeting_id: 2, structure_id: 2, attendance: 'invited' },
      ],
    );
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'clsm_meeting_structures'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT place, attached_documents FROM clsm_meetings WHERE id = 1').get()).toEqual({
      place: '',
      attached_documents: '[]',
    });
  });

  it('starts the action plan with the three axes of the CLSM', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 16 });
    expect(db.prepare('SELECT title FROM clsm_plan_axes ORDER BY position').pluck().all()).toEqual([
      'Inclusion dans la cité',
      'Amélioration des parcours',
      'Coordination entre les acteurs',
    ]);
  });

  it('invites exactly one of a structure, a member or a guest, once per meeting', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 15 });
    seedV15(db);
    migrate(db, { target: 16 });
    db.exec(`INSERT INTO clsm_guests (id, first_name, last_name, category, created_by, created_at, updated_at)
             VALUES (1, 'Claire', 'Vogel', 'elu', 1, '${now}', '${now}')`);
    const invite = db.prepare('INSERT INTO clsm_invitations (meeting_id, structure_id, member_id, guest_id) VALUES (2, ?, ?, ?)');
    invite.run(null, 1, null);
    invite.run(null, null, 1);
    expect(() => invite.run(null, 1, null)).toThrow(/UNIQUE/);
    expect(() => invite.run(null, null, null)).toThrow(/CHECK/);
    expect(() => invite.run(1, 1, null)).toThrow(/CHECK/);
    expect(() =>
      db!.exec(`INSERT INTO clsm_guests (first_name, last_name, category, created_by, created_at, updated_at)
                VALUES ('Paul', 'Weber', 'police', 1, '${now}', '${now}')`),
    ).toThrow(/CHECK/);
    // « Représenté par » only for a represented invitee.
    expect(() => db!.exec(`UPDATE clsm_invitations SET represented_by = 'Lucie Adam' WHERE member_id = 1`)).toThrow(/CHECK/);
    db.exec(`UPDATE clsm_invitations SET attendance = 'represented', represented_by = 'Lucie Adam' WHERE member_id = 1`);
  });

  it('keeps a meeting as signed: its record, points, attendance and reviewed actions', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 15 });
    seedV15(db);
    migrate(db, { target: 16 });
    db.exec(`INSERT INTO clsm_points (id, meeting_id, position, title) VALUES (1, 1, 1, 'Bilan des actions')`);
    db.exec(`INSERT INTO clsm_plan_actions (id, axis_id, title, starts_on, due_on, status, created_by, created_at, updated_at)
             VALUES (1, 1, 'SISM 2026', '2026-01-01', '2026-03-31', 'in_progress', 1, '${now}', '${now}')`);
    db.exec(`INSERT INTO clsm_plan_reviews (action_id, meeting_id, role) VALUES (1, 1, 'reviewed')`);
    sign(db);
    const refused = [
      `UPDATE clsm_meetings SET minutes_opening = 'autre' WHERE id = 1`,
      `DELETE FROM clsm_meetings WHERE id = 1`,
      `UPDATE clsm_points SET minutes_text = 'autre' WHERE id = 1`,
      `INSERT INTO clsm_points (meeting_id, position, title) VALUES (1, 2, 'Ajout')`,
      `DELETE FROM clsm_points WHERE id = 1`,
      `UPDATE clsm_invitations SET attendance = 'absent' WHERE meeting_id = 1`,
      `DELETE FROM clsm_invitations WHERE meeting_id = 1`,
      `INSERT INTO clsm_invitations (meeting_id, member_id) VALUES (1, 1)`,
      `DELETE FROM clsm_plan_reviews WHERE meeting_id = 1`,
      `DELETE FROM clsm_plan_actions WHERE id = 1`,
      `UPDATE clsm_minutes_documents SET sha256 = 'cd'`,
      `DELETE FROM clsm_minutes_documents`,
    ];
    for (const sql of refused) expect(() => db!.exec(sql), sql).toThrow(/signed minutes are locked/);
    // The other meeting stays open, and the action itself may still move on.
    db.exec(`UPDATE clsm_meetings SET minutes_opening = 'Tour de table' WHERE id = 2`);
    db.exec(`UPDATE clsm_plan_actions SET status = 'done', finished_on = '2026-03-30' WHERE id = 1`);
    expect(() => db!.exec(`UPDATE clsm_plan_actions SET status = 'done', finished_on = NULL WHERE id = 1`)).toThrow(/CHECK/);
  });
});
