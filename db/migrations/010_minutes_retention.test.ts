import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

function withSignedMinutes(handle: Db): void {
  seedSituation(handle, now);
  handle.exec(`
    INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
    VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 'minutes_signed', 1, '${now}', '${now}');
    INSERT INTO minutes_documents (meeting_id, sequence, kind, body, pdf, sha256, signers, signed_by, signed_at)
    VALUES (1, 0, 'minutes', NULL, X'25504446', '${'a'.repeat(64)}', '[]', 1, '${now}'),
           (1, 1, 'addendum', 'Correction du point 1', X'25504446', '${'b'.repeat(64)}', '[]', 1, '${now}');
  `);
}

const destruction = `INSERT INTO minutes_destructions (meeting_id, documents, audit_head, destroyed_on, destroyed_at, destroyed_by)
  VALUES (1, '[{"sequence":0,"sha256":"${'a'.repeat(64)}"}]', '42:abcdef', '2028-05-01', '${now}', 1)`;

describe('migration 010 (minutes retention)', () => {
  it('upgrades a version-9 database with its signed minutes', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 9 });
    withSignedMinutes(db);
    migrate(db, { target: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT count(*) FROM minutes_documents').pluck().get()).toBe(2);
  });

  it('keeps signed minutes locked until a destruction is recorded, then only empties them', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 10 });
    withSignedMinutes(db);
    expect(() => db!.exec(`UPDATE minutes_documents SET pdf = X''`)).toThrow(/locked/);
    db.exec(destruction);
    expect(() => db!.exec(`UPDATE minutes_documents SET sha256 = 'x', pdf = X''`)).toThrow(/locked/);
    expect(() => db!.exec(`UPDATE minutes_documents SET pdf = X'00'`)).toThrow(/locked/);
    expect(() => db!.exec(`UPDATE minutes_documents SET body = 'autre texte' WHERE sequence = 1`)).toThrow(/locked/);
    db.exec(`UPDATE minutes_documents SET pdf = X'', body = CASE WHEN body IS NULL THEN NULL ELSE '' END`);
    expect(db.prepare('SELECT sum(length(pdf)) FROM minutes_documents').pluck().get()).toBe(0);
    expect(() => db!.exec('DELETE FROM minutes_documents')).toThrow(/locked/);
    expect(() => db!.exec('DELETE FROM minutes_destructions')).toThrow(/recorded once/);
    expect(() => db!.exec(`UPDATE minutes_destructions SET audit_head = ''`)).toThrow(/recorded once/);
  });
});
