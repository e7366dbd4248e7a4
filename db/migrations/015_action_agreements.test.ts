import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

describe('migration 015 (an answer per proposal)', () => {
  it('adds the column with its three answers', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 15 });
    expect(schemaVersion(db)).toBe(15);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('actions')`).pluck().all();
    expect(columns).toContain('person_agreement');
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'actions'`).pluck().get() as string;
    expect(sql).toMatch(/person_agreement TEXT CHECK \(person_agreement IN \('agreed', 'refused', 'discuss'\)\)/);
  });
});
