import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-03-02T09:00:00.000Z';

function directoryWithSignature(handle: Db): void {
  handle.prepare(`INSERT INTO users (id, login, display_name, role, created_at) VALUES (1, 'f.marchal', 'F M', 'coordinator', ?)`).run(now);
  handle.prepare(`INSERT INTO structures (id, name, sector, created_at, updated_at) VALUES (1, 'CMP Metz-Sud', 'cmp', ?, ?)`).run(now, now);
  handle
    .prepare(
      `INSERT INTO members (id, structure_id, last_name, first_name, category, membership, created_at, updated_at) VALUES (1, 1, 'Lambert', 'Claire', 'professionnel_sante', 'permanent', ?, ?)`,
    )
    .run(now, now);
  handle.prepare(`UPDATE charter_versions SET adopted_on = '2026-03-01' WHERE version = 1`).run();
  handle
    .prepare(
      `INSERT INTO charter_signatures (member_id, version_id, signed_on, recorded_by, recorded_at) VALUES (1, 1, '2026-03-02', 1, ?)`,
    )
    .run(now);
}

describe('migration 003 (password change, signature cancellation)', () => {
  it('upgrades a version-2 database keeping its signatures, and marks no existing user', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 2 });
    directoryWithSignature(db);
    migrate(db, { target: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT must_change_password FROM users').pluck().get()).toBe(0);
    expect(db.prepare('SELECT member_id, signed_on, cancelled_at FROM charter_signatures').get()).toEqual({
      member_id: 1,
      signed_on: '2026-03-02',
      cancelled_at: null,
    });
  });

  it('keeps signatures as history: one valid per member and version, cancellation written once, no deletion', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 3 });
    directoryWithSignature(db);
    const sign = () =>
      db!
        .prepare(
          `INSERT INTO charter_signatures (member_id, version_id, signed_on, recorded_by, recorded_at) VALUES (1, 1, '2026-03-03', 1, ?)`,
        )
        .run(now);
    expect(sign).toThrow(/UNIQUE/);
    db.prepare(`UPDATE charter_signatures SET cancelled_at = ?, cancelled_by = 1, cancel_reason = 'erreur' WHERE id = 1`).run(now);
    sign(); // a new valid signature after the cancelled one
    expect(() => db!.prepare(`UPDATE charter_signatures SET cancel_reason = 'autre' WHERE id = 1`).run()).toThrow(/kept as recorded/);
    expect(() => db!.prepare(`UPDATE charter_signatures SET signed_on = '2026-01-01' WHERE id = 2`).run()).toThrow(/kept as recorded/);
    expect(() => db!.prepare(`DELETE FROM charter_signatures WHERE id = 1`).run()).toThrow(/kept as recorded/);
    expect(() => db!.prepare(`UPDATE charter_signatures SET cancelled_at = ? WHERE id = 2`).run(now)).toThrow(/CHECK/);
  });
});
