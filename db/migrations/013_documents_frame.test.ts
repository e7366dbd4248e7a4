import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

function meeting(db: Db, state: string): number {
  const animateur = db.prepare('SELECT id FROM members LIMIT 1').pluck().get() as number;
  return Number(
    db
      .prepare(
        `INSERT INTO meetings (held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
         VALUES ('2026-04-02', '14:00', '16:00', 'Salle du CLSM', ?, ?, 1, ?, ?)`,
      )
      .run(animateur, state, now, now).lastInsertRowid,
  );
}

describe('migration 013 (documents frame)', () => {
  it('upgrades a version-12 database with empty wordings and points, no link, no approval', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 12 });
    seedSituation(db, now);
    const id = meeting(db, 'held');
    migrate(db, { target: 13 });
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT other_points FROM meetings WHERE id = ?').pluck().get(id)).toBe('');
    expect(db.prepare('SELECT DISTINCT member_id FROM users').pluck().all()).toEqual([null]);
  });

  it('keeps the points discussed and the approval of signed minutes as they were signed', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 13 });
    seedSituation(db, now);
    const id = meeting(db, 'held');
    db.prepare(`UPDATE meetings SET other_points = 'Calendrier 2027' WHERE id = ?`).run(id);
    db.prepare(
      `INSERT INTO minutes_approvals (meeting_id, kind, reason, reason_on, by_user_id, at) VALUES (?, 'recorded', 'absent', '2026-04-03', 1, ?)`,
    ).run(id, now);
    db.prepare(`UPDATE meetings SET state = 'minutes_signed' WHERE id = ?`).run(id);
    expect(() => db!.prepare(`UPDATE meetings SET other_points = 'Autre' WHERE id = ?`).run(id)).toThrow(/signed minutes/);
    expect(() => db!.prepare('DELETE FROM minutes_approvals WHERE meeting_id = ?').run(id)).toThrow(/signed minutes/);
    expect(() => db!.prepare(`UPDATE minutes_approvals SET reason = 'approved_by_mail' WHERE meeting_id = ?`).run(id)).toThrow(
      /signed minutes/,
    );
  });

  it('refuses an approval without its digest, a record without its reason, two users for one member', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 13 });
    seedSituation(db, now);
    const id = meeting(db, 'held');
    expect(() =>
      db!.prepare(`INSERT INTO minutes_approvals (meeting_id, kind, by_user_id, at) VALUES (?, 'approved', 1, ?)`).run(id, now),
    ).toThrow(/CHECK/);
    expect(() =>
      db!.prepare(`INSERT INTO minutes_approvals (meeting_id, kind, by_user_id, at) VALUES (?, 'recorded', 1, ?)`).run(id, now),
    ).toThrow(/CHECK/);
    const member = db.prepare('SELECT id FROM members LIMIT 1').pluck().get();
    db.prepare('UPDATE users SET member_id = ? WHERE id = 1').run(member);
    db.prepare(`INSERT INTO users (id, login, display_name, role, created_at) VALUES (2, 'e.schmitt', 'E S', 'animateur', ?)`).run(now);
    expect(() => db!.prepare('UPDATE users SET member_id = ? WHERE id = 2').run(member)).toThrow(/UNIQUE/);
  });
});
