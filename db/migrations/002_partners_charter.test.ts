import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { appendAudit } from '../../electron/services/audit/trail';
import { appendGenesis, verifyAudit } from '../../electron/services/audit/verify';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-03-02T09:00:00.000Z';

describe('migration 002 (partners and charter)', () => {
  it('creates the directory and charter tables with a draft default charter on a fresh database', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 2 });
    const draft = db.prepare('SELECT version, adopted_on, text FROM charter_versions').all() as {
      version: number;
      adopted_on: string | null;
      text: string;
    }[];
    expect(draft).toHaveLength(1);
    expect(draft[0]).toMatchObject({ version: 1, adopted_on: null });
    expect(draft[0]!.text).toMatch(/secret partagé/i);
  });

  it('upgrades a version-1 database keeping its users and audit trail', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 1 });
    db.prepare(`INSERT INTO users (login, display_name, role, created_at) VALUES ('f.marchal', 'Françoise Marchal', 'coordinator', ?)`).run(
      now,
    );
    appendGenesis(db, 'ab'.repeat(16), new Date(now));
    appendAudit(db, { userId: 1, action: 'setup.initialize', outcome: 'success' }, new Date(now));
    appendAudit(db, { userId: 1, action: 'session.unlock', outcome: 'success' }, new Date(now));
    expect(schemaVersion(db)).toBe(1);
    migrate(db, { target: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT display_name FROM users').pluck().get()).toBe('Françoise Marchal');
    expect(db.prepare('SELECT action FROM audit_events ORDER BY id').pluck().all()).toEqual([
      'audit.genesis',
      'setup.initialize',
      'session.unlock',
    ]);
    expect(verifyAudit(db, { databaseId: 'ab'.repeat(16) })).toMatchObject({ ok: true, count: 3 });
  });

  it('dates the draft charter it creates with the clock it is given', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 2, clock: () => new Date(now) });
    expect(db.prepare('SELECT created_at FROM charter_versions').pluck().get()).toBe(now);
  });

  it('keeps adopted versions immutable, one draft at a time, and refuses to sign a draft', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 2 });
    db.prepare(`INSERT INTO users (id, login, display_name, role, created_at) VALUES (1, 'f.marchal', 'F M', 'coordinator', ?)`).run(now);
    db.prepare(`INSERT INTO structures (id, name, sector, created_at, updated_at) VALUES (1, 'CMP Metz-Sud', 'cmp', ?, ?)`).run(now, now);
    db.prepare(
      `INSERT INTO members (id, structure_id, last_name, first_name, category, membership, created_at, updated_at) VALUES (1, 1, 'Lambert', 'Claire', 'professionnel_sante', 'permanent', ?, ?)`,
    ).run(now, now);
    const sign = () =>
      db!
        .prepare(
          `INSERT INTO charter_signatures (member_id, version_id, signed_on, recorded_by, recorded_at) VALUES (1, 1, '2026-03-02', 1, ?)`,
        )
        .run(now);
    expect(sign).toThrow(/draft charter cannot be signed/);
    expect(() =>
      db!.prepare(`INSERT INTO charter_versions (version, text, created_at, updated_at) VALUES (2, 'x', ?, ?)`).run(now, now),
    ).toThrow(/UNIQUE/);
    db.prepare(`UPDATE charter_versions SET adopted_on = '2026-03-01' WHERE version = 1`).run();
    expect(() => db!.prepare(`UPDATE charter_versions SET text = 'autre' WHERE version = 1`).run()).toThrow(/immutable/);
    expect(() => db!.prepare(`DELETE FROM charter_versions WHERE version = 1`).run()).toThrow(/immutable/);
    sign();
    expect(() =>
      db!
        .prepare(
          `INSERT INTO structures (name, sector, convention_signed_on, created_at, updated_at) VALUES ('X', 'ccas', '2026-01-01', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/CHECK/);
  });
});
