import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-03-02T09:00:00.000Z';

function situationWithConsent(handle: Db): void {
  seedSituation(handle, now);
  handle
    .prepare(
      `INSERT INTO consents (id, situation_id, collected_on, collected_by_member_id, mode, info_data_categories, info_professionals, info_supports, info_security,
        allowed_categories, excluded_structures, identity_sharing, legal_protection, attendance, recorded_by, recorded_at)
       VALUES (1, 1, '2026-03-02', 1, 'written', 1, 1, 1, 1, '["travailleur_social"]', '[]', 'code', 'none', 'attend', 1, ?)`,
    )
    .run(now);
}

describe('migration 004 (situations and consents)', () => {
  it('upgrades a version-3 database', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 3 });
    migrate(db, { target: 4 });
    expect(schemaVersion(db)).toBe(4);
    situationWithConsent(db);
    expect(db.prepare('SELECT code, state FROM situations').get()).toEqual({ code: 'S-2026-001', state: 'received' });
  });

  it('never changes or deletes a situation code, and keeps the history append-only', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 4 });
    situationWithConsent(db);
    expect(() => db!.prepare(`UPDATE situations SET code = 'S-2026-002' WHERE id = 1`).run()).toThrow(/never changes/);
    expect(() => db!.prepare(`DELETE FROM situations WHERE id = 1`).run()).toThrow(/never deleted/);
    expect(() => db!.prepare(`UPDATE situations SET state = 'closed' WHERE id = 1`).run()).toThrow(/CHECK/);
    expect(() => db!.prepare(`UPDATE situations SET state = 'rejected' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO situation_transitions (situation_id, at, user_id, to_state) VALUES (1, ?, 1, 'received')`).run(now);
    expect(() => db!.prepare(`UPDATE situation_transitions SET to_state = 'ready'`).run()).toThrow(/append-only/);
    expect(() => db!.prepare(`DELETE FROM situation_transitions`).run()).toThrow(/append-only/);
  });

  it('keeps a consent as recorded: only its withdrawal may be written, once', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 4 });
    situationWithConsent(db);
    expect(() => db!.prepare(`UPDATE consents SET allowed_categories = '[]' WHERE id = 1`).run()).toThrow(/kept as recorded/);
    expect(() => db!.prepare(`UPDATE consents SET collected_on = '2026-01-01' WHERE id = 1`).run()).toThrow(/kept as recorded/);
    expect(() => db!.prepare(`DELETE FROM consents WHERE id = 1`).run()).toThrow(/kept as recorded/);
    db.prepare(`UPDATE consents SET withdrawn_on = '2026-03-05', withdrawal_recorded_at = ?, withdrawn_recorded_by = 1 WHERE id = 1`).run(
      now,
    );
    expect(() => db!.prepare(`UPDATE consents SET withdrawn_on = '2026-03-06' WHERE id = 1`).run()).toThrow(/kept as recorded/);
    expect(() =>
      db!
        .prepare(
          `INSERT INTO consents (situation_id, collected_on, collected_by_member_id, mode, info_data_categories, info_professionals, info_supports, info_security,
            allowed_categories, excluded_structures, identity_sharing, legal_protection, attendance, recorded_by, recorded_at)
           VALUES (1, '2026-03-02', 1, 'oral_witnessed', 1, 1, 1, 1, '[]', '[]', 'code', 'none', 'attend', 1, ?)`,
        )
        .run(now),
    ).toThrow(/CHECK/); // an oral consent names its witness
  });
});
