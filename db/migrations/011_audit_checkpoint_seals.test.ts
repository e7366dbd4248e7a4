import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';
const hex = (c: string) => c.repeat(64);

function withEvents(handle: Db): void {
  seedSituation(handle, now);
  const insert = handle.prepare(
    `INSERT INTO audit_events (id, at, action, outcome, prev_hash, hash) VALUES (?, '${now}', 'session.unlock', 'success', 'p', ?)`,
  );
  for (const id of [1, 2, 3, 4]) insert.run(id, hex(String(id)));
}

const checkpoint = (fields: { from?: number | null; through?: number; hash?: string; count?: number; sha?: string; mac?: string | null }) =>
  `INSERT INTO audit_checkpoints (from_id, through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, mac, created_at, created_by)
   VALUES (${fields.from === undefined ? 2 : fields.from}, ${fields.through ?? 3}, '${fields.hash ?? hex('3')}', ${fields.count ?? 2},
           '2026-04-01', 'journal.clsmaudit', '${fields.sha ?? hex('a')}', ${fields.mac === null ? 'NULL' : `'${fields.mac ?? hex('b')}'`}, '${now}', 1)`;

describe('migration 011 (audit checkpoint seals)', () => {
  it('upgrades a version-10 database, its checkpoints kept unsealed, and writes the trail’s secret once', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 10 });
    withEvents(db);
    db.exec(`INSERT INTO audit_checkpoints (through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, created_at, created_by)
             VALUES (2, '${hex('2')}', 1, '2026-04-01', 'ancienne.clsmaudit', '${hex('c')}', '${now}', 1)`);
    migrate(db, { target: 11 });
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT from_id, mac FROM audit_checkpoints').all()).toEqual([{ from_id: null, mac: null }]);
    const secret = db.prepare('SELECT secret FROM audit_secret').pluck().get() as Buffer;
    expect(secret).toHaveLength(32);
    expect(() => db!.exec('UPDATE audit_secret SET secret = randomblob(32)')).toThrow(/written once/);
    expect(() => db!.exec('DELETE FROM audit_secret')).toThrow(/written once/);
  });

  it('lets in only a checkpoint the archive could have written', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 11 });
    withEvents(db);
    for (const bad of [
      checkpoint({ mac: null }),
      checkpoint({ mac: 'x'.repeat(64) }),
      checkpoint({ sha: 'abc' }),
      checkpoint({ from: 3, count: 1 }),
      checkpoint({ count: 3 }),
      checkpoint({ hash: hex('9') }),
      checkpoint({ through: 7, hash: hex('7'), count: 6 }),
    ])
      expect(() => db!.exec(bad), bad).toThrow(/written by the archive only/);
    db.exec(checkpoint({}));
    // The next one follows it.
    expect(() => db!.exec(checkpoint({ from: 2, through: 4, hash: hex('4'), count: 3 }))).toThrow(/written by the archive only/);
    expect(() => db!.exec('DELETE FROM audit_events WHERE id = 1')).toThrow(/append-only/);
    db.exec('DELETE FROM audit_events WHERE id IN (2, 3)');
    expect(() => db!.exec('DELETE FROM audit_events WHERE id = 4')).toThrow(/append-only/);
    expect(() => db!.exec('UPDATE audit_checkpoints SET mac = NULL')).toThrow(/append-only/);
  });
});
