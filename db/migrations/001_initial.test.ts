import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

function tables(handle: Db): string[] {
  return handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

describe('migration 001 (initial)', () => {
  it('creates users, settings and the audit trail on a fresh database', () => {
    db = freshEncryptedDb().db;
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, { target: 1 })).toBe(1);
    expect(tables(db)).toEqual(['audit_events', 'settings', 'users']);
  });

  it('upgrades from the previous version (an empty database, version 0) keeping it usable', () => {
    db = freshEncryptedDb().db;
    db.exec('CREATE TABLE scratch (x INTEGER)'); // whatever a version-0 file holds must survive
    migrate(db, { target: 1 });
    expect(tables(db)).toContain('scratch');
    db.prepare(`INSERT INTO users (login, display_name, role, created_at) VALUES ('a.b', 'A B', 'animateur', '2026-01-01')`).run();
    expect(() =>
      db!.prepare(`INSERT INTO users (login, display_name, role, created_at) VALUES ('c.d', 'C D', 'admin', '2026-01-01')`).run(),
    ).toThrow(/CHECK/);
  });

  it('makes the audit table append-only at the database level', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 1 });
    db.prepare(
      `INSERT INTO audit_events (id, at, action, outcome, prev_hash, hash) VALUES (1, '2026-01-01', 'x.y', 'success', '0', '1')`,
    ).run();
    expect(() => db!.prepare(`UPDATE audit_events SET action = 'z.z'`).run()).toThrow(/append-only/);
    expect(() => db!.prepare(`DELETE FROM audit_events`).run()).toThrow(/append-only/);
  });
});
