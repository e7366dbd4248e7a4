import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

describe('migration 017 (search indexes)', () => {
  it('upgrades a version-16 database: names searchable without accents, the journal filtered by domain on an index', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 16 });
    seedSituation(db, now);
    db.exec(`
      UPDATE members SET first_name = 'Stéphane', last_name = 'Kessler-Lentz', function = 'Psychiatre' WHERE id = 1;
      UPDATE structures SET name = 'CMP de Metz-Queuleu', address = '1 rue de l’Hôpital, Metz' WHERE id = 1;
      INSERT INTO situation_identities (situation_id, last_name, first_name, birth_year, updated_at) VALUES (1, 'Hœrner', 'Sylvie', 1971, '${now}');
      INSERT INTO audit_events (at, user_id, action, outcome, prev_hash, hash) VALUES ('${now}', 1, 'users.create', 'success', 'a', 'b');
      INSERT INTO audit_events (at, user_id, action, outcome, prev_hash, hash) VALUES ('${now}', 1, 'session', 'refused', 'b', 'c');
    `);
    migrate(db, { target: 17 });
    expect(schemaVersion(db)).toBe(17);
    const one = (sql: string) => db!.prepare(sql).pluck().get();
    expect(one('SELECT search_text FROM situation_identities')).toBe('sylvie hoerner');
    expect(one('SELECT search_text FROM members')).toBe('stephane kessler lentz psychiatre');
    expect(one('SELECT name_search FROM structures')).toBe('cmp de metz queuleu');
    expect(one('SELECT search_text FROM structures')).toBe('cmp de metz queuleu 1 rue de l hopital metz');
    expect(db.prepare('SELECT domain FROM audit_events ORDER BY id').pluck().all()).toEqual(['users', 'session']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM audit_events WHERE domain = 'users' ORDER BY id DESC LIMIT 50`).all();
    expect(JSON.stringify(plan)).toContain('audit_events_domain');
  });
});
