import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';

function withConsentAndSignedDeliberation(handle: Db): void {
  seedSituation(handle, now);
  handle.exec(`
    INSERT INTO situation_identities (situation_id, last_name, first_name, birth_year, updated_at) VALUES (1, 'Hœrner', 'Sylvie', 1971, '${now}');
    INSERT INTO consents (id, situation_id, collected_on, collected_by_member_id, mode, witness, info_data_categories, info_professionals,
      info_supports, info_security, allowed_categories, excluded_structures, identity_sharing, legal_protection, representative,
      attendance, recorded_by, recorded_at)
    VALUES (1, 1, '2026-03-10', 1, 'oral_witnessed', 'Mme Witz, assistante sociale', 1, 1, 1, 1, '["travailleur_social"]', '[]', 'code',
      'tutelle', 'M. Hœrner, frère', 'not_attend', 1, '${now}');
    INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
    VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 'minutes_signed', 1, '${now}', '${now}');
    INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, status, created_at)
    VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', 'deliberated', '${now}');
    INSERT INTO deliberations (item_id, synthesis, response_typology, proposals, outcome, recorded_by, recorded_at, updated_at)
    VALUES (1, 'Synthèse', '["Orientation"]', 'Propositions', 'closed', 1, '${now}', '${now}');
  `);
}

const purge = `INSERT INTO situation_purges (situation_id, basis, purged_on, purged_at, purged_by) VALUES (1, 'retention', '2028-05-01', '${now}', 1)`;

describe('migration 007 (retention)', () => {
  it('upgrades a version-6 database with its situations', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 6 });
    withConsentAndSignedDeliberation(db);
    migrate(db, { target: 7 });
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT count(*) FROM situation_identities').pluck().get()).toBe(1);
  });

  it('keeps consents and signed deliberations frozen until the situation is recorded as purged, then only blanks', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 7 });
    withConsentAndSignedDeliberation(db);
    expect(() => db!.exec(`UPDATE consents SET witness = '' WHERE id = 1`)).toThrow(/kept as recorded/);
    expect(() => db!.exec(`UPDATE deliberations SET synthesis = '', hypotheses = '', proposals = '' WHERE item_id = 1`)).toThrow(/locked/);
    db.exec(purge);
    db.exec(`UPDATE consents SET witness = '', representative = NULL WHERE id = 1`);
    db.exec(`UPDATE deliberations SET synthesis = '', hypotheses = '', proposals = '' WHERE item_id = 1`);
    // Blanking only: what was consented, and the commission's outcome, stay.
    expect(() => db!.exec(`UPDATE consents SET witness = 'Autre témoin' WHERE id = 1`)).toThrow(/kept as recorded/);
    expect(() => db!.exec(`UPDATE consents SET allowed_categories = '[]' WHERE id = 1`)).toThrow(/kept as recorded/);
    expect(() =>
      db!.exec(`UPDATE deliberations SET synthesis = '', hypotheses = '', proposals = '', outcome = 'follow_up' WHERE item_id = 1`),
    ).toThrow(/locked/);
    expect(() => db!.exec(`DELETE FROM situation_purges`)).toThrow(/recorded once/);
    db.exec('DELETE FROM situation_identities WHERE situation_id = 1');
    expect(() =>
      db!.exec(
        `INSERT INTO situation_identities (situation_id, last_name, first_name, birth_year, updated_at) VALUES (1, 'X', 'Y', 1970, '${now}')`,
      ),
    ).toThrow(/erased/);
  });

  it('lets audit events leave the trail only behind a checkpoint', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 7 });
    seedSituation(db, now);
    const insert = db.prepare(
      `INSERT INTO audit_events (id, at, action, outcome, prev_hash, hash) VALUES (?, '${now}', 'session.unlock', 'success', 'p', 'h')`,
    );
    for (const id of [1, 2, 3]) insert.run(id);
    expect(() => db!.exec('DELETE FROM audit_events WHERE id = 1')).toThrow(/append-only/);
    db.exec(`INSERT INTO audit_checkpoints (through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, created_at, created_by)
             VALUES (2, 'h', 2, '2026-04-01', 'journal-archive.clsmaudit', 'abc', '${now}', 1)`);
    db.exec('DELETE FROM audit_events WHERE id <= 2');
    expect(() => db!.exec('DELETE FROM audit_events WHERE id = 3')).toThrow(/append-only/);
    expect(() => db!.exec('UPDATE audit_checkpoints SET through_id = 3')).toThrow(/append-only/);
  });
});
