import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-05-12T08:00:00.000Z';

function session(handle: Db): void {
  handle.exec(`INSERT INTO training_sessions (id, kind, theme, starts_on, ends_on, duration_hours, status, created_by, created_at, updated_at)
               VALUES (1, 'workshop', 'Le logement d’abord', '2026-05-12', '2026-05-12', 4, 'held', 1, '${now}', '${now}')`);
}

describe('migration 008 (training and evaluation)', () => {
  it('upgrades a version-7 database with its situations', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 7 });
    seedSituation(db, now);
    migrate(db, { target: 8 });
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT count(*) FROM situations').pluck().get()).toBe(1);
  });

  it('takes a participant from the directory or from outside it, never half of both', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 8 });
    seedSituation(db, now);
    session(db);
    const insert = db.prepare(
      `INSERT INTO training_participants (session_id, role, member_id, name, structure_name, sector, added_at) VALUES (1, 'participant', ?, ?, ?, ?, '${now}')`,
    );
    insert.run(1, null, null, null);
    insert.run(null, 'Lucie Adam', 'Mission locale de Metz', 'autre');
    expect(() => insert.run(1, null, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run(null, 'Paul Weber', null, 'autre')).toThrow(/CHECK/);
    expect(() => insert.run(null, 'Paul Weber', 'Mission locale', 'police')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'Paul Weber', 'Mission locale', 'autre')).toThrow(/CHECK/);
  });

  it('bounds the questionnaire and removes a session with what hangs on it', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 8 });
    seedSituation(db, now);
    session(db);
    const answer = db.prepare(
      `INSERT INTO training_questionnaires (session_id, satisfaction, knowledge, coordination_improved, recorded_by, recorded_at) VALUES (1, ?, ?, ?, 1, '${now}')`,
    );
    answer.run(5, '["Rôle et missions des partenaires"]', 1);
    expect(() => answer.run(6, '[]', 1)).toThrow(/CHECK/);
    expect(() => answer.run(0, '[]', 1)).toThrow(/CHECK/);
    expect(() => answer.run(3, '{"a":1}', 1)).toThrow(/CHECK/);
    expect(() => answer.run(3, '[]', 2)).toThrow(/CHECK/);
    db.exec(`INSERT INTO training_participants (session_id, role, member_id, added_at) VALUES (1, 'participant', 1, '${now}')`);
    db.exec('DELETE FROM training_sessions WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM training_questionnaires').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM training_participants').pluck().get()).toBe(0);
    expect(() =>
      db!.exec(`INSERT INTO training_sessions (kind, theme, starts_on, ends_on, duration_hours, status, created_by, created_at, updated_at)
                VALUES ('placement', 'Stage', '2026-05-12', '2026-05-11', 7, 'planned', 1, '${now}', '${now}')`),
    ).toThrow(/CHECK/);
  });
});
