import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

describe('migration 014 (form drafts)', () => {
  it('upgrades a version-13 database with an empty table of drafts, one per user and form', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 13 });
    seedSituation(db, now);
    migrate(db, { target: 14 });
    expect(schemaVersion(db)).toBe(14);
    const user = db.prepare('SELECT id FROM users LIMIT 1').pluck().get() as number;
    const insert = db.prepare('INSERT INTO form_drafts (user_id, form_key, situation_id, payload, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(user, 'consent:1', 1, '{}', now);
    expect(() => insert.run(user, 'consent:1', 1, '{}', now)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(user, '', null, '{}', now)).toThrow(/CHECK/);
    expect(() => insert.run(user, 'referral:new', 999, '{}', now)).toThrow(/FOREIGN KEY/);
  });
});
