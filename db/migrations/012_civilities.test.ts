import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

describe('migration 012 (civilities)', () => {
  it('upgrades a version-11 database: every user, member and person « unspecified »', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 11 });
    seedSituation(db, now);
    db.prepare(
      `INSERT INTO situation_identities (situation_id, last_name, first_name, birth_year, updated_at) VALUES (1, 'Durand', 'Ève', 1971, ?)`,
    ).run(now);
    migrate(db, { target: 12 });
    expect(schemaVersion(db)).toBe(12);
    for (const table of ['users', 'members', 'situation_identities']) {
      const values = db.prepare(`SELECT DISTINCT civility FROM ${table}`).pluck().all();
      expect(values, table).toEqual(['unspecified']);
    }
  });

  it('refuses a civility outside the list', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 12 });
    seedSituation(db, now);
    db.exec(`UPDATE members SET civility = 'madame'`);
    expect(() => db!.exec(`UPDATE members SET civility = 'mademoiselle'`)).toThrow(/CHECK/);
    expect(() => db!.exec(`UPDATE users SET civility = ''`)).toThrow(/CHECK/);
  });
});
