import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedDeliberatedItem, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

const signedMeeting = (handle: Db) => seedDeliberatedItem(handle, now);

const insertMinutes = `INSERT INTO minutes_documents (meeting_id, sequence, kind, body, pdf, sha256, signers, signed_by, signed_at)
  VALUES (1, ?, ?, ?, x'25504446', 'abc', '[]', 1, '${now}')`;

describe('migration 006 (signed minutes, certificates)', () => {
  it('upgrades a version-5 database', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 5 });
    signedMeeting(db);
    migrate(db, { target: 6 });
    expect(schemaVersion(db)).toBe(6);
    db.prepare(insertMinutes).run(0, 'minutes', null);
    expect(db.prepare('SELECT count(*) FROM minutes_documents').pluck().get()).toBe(1);
  });

  it('locks signed minutes and the deliberations they record', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 6 });
    signedMeeting(db);
    expect(() => db!.prepare(insertMinutes).run(1, 'minutes', null)).toThrow(/CHECK/);
    expect(() => db!.prepare(insertMinutes).run(1, 'addendum', null)).toThrow(/CHECK/);
    db.prepare(insertMinutes).run(0, 'minutes', null);
    db.prepare(insertMinutes).run(1, 'addendum', 'Rectificatif');
    expect(() => db!.prepare(insertMinutes).run(1, 'addendum', 'Encore')).toThrow(/UNIQUE/);
    expect(() => db!.prepare(`UPDATE minutes_documents SET sha256 = 'x'`).run()).toThrow(/locked/);
    expect(() => db!.prepare(`DELETE FROM minutes_documents`).run()).toThrow(/locked/);
    // Held but not signed: the draft may still be edited.
    db.prepare(`UPDATE deliberations SET synthesis = 'Synthèse revue' WHERE item_id = 1`).run();
    db.prepare(`UPDATE meetings SET state = 'minutes_signed' WHERE id = 1`).run();
    expect(() => db!.prepare(`UPDATE deliberations SET proposals = 'Autre' WHERE item_id = 1`).run()).toThrow(/locked/);
    // The person's answer comes after the meeting: it stays writable.
    db.prepare(`UPDATE deliberations SET returned_on = '2026-04-10', person_agreement = 'agreed' WHERE item_id = 1`).run();
  });

  it('keeps one certificate in use per holder, for a user or a member', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 6 });
    seedSituation(db, now);
    const insert = db.prepare(
      `INSERT INTO signing_certificates (user_id, member_id, p12, origin, common_name, fingerprint, valid_from, valid_to, self_signed, created_by, created_at, retired_at)
       VALUES (?, ?, x'00', 'created', 'Françoise Hœrner', 'AB', '2026-01-01', '2029-01-01', 1, 1, '${now}', ?)`,
    );
    expect(() => insert.run(1, 1, null)).toThrow(/CHECK/);
    expect(() => insert.run(null, null, null)).toThrow(/CHECK/);
    insert.run(1, null, null);
    expect(() => insert.run(1, null, null)).toThrow(/UNIQUE/);
    insert.run(1, null, now);
    insert.run(null, 1, null);
    expect(() => insert.run(null, 1, null)).toThrow(/UNIQUE/);
  });
});
