import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../tests/helpers/db';
import type { Db } from './connection';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';

let db: Db | undefined;
afterEach(() => db?.close());

describe('migration runner', () => {
  it('numbers the registry 1, 2, 3… without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('runs every pending migration in one transaction: a failure leaves the database untouched', () => {
    db = freshEncryptedDb().db;
    const steps: Migration[] = [
      { version: 1, name: 'a', up: (h) => h.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'b',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db!, { migrations: steps })).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'a'`).pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer version, in French', () => {
    db = freshEncryptedDb().db;
    migrate(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db!)).toThrow(/version plus récente/);
    expect(() => assertNotNewer(db!)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
  });
});
