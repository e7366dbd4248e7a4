import { afterEach, describe, expect, it } from 'vitest';
import { freshEncryptedDb, seedDeliberatedItem, seedSituation } from '../../tests/helpers/db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-03T09:00:00.000Z';
const dates = (handle: Db) =>
  handle.prepare('SELECT last_contact_on AS contact, last_review_on AS review FROM situations WHERE id = 1').get() as {
    contact: string;
    review: string;
  };

describe('migration 018 (situation dates)', () => {
  it('upgrades a version-17 database, each situation given its last contact and last review', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 17 });
    seedDeliberatedItem(db, now, '2026-04-02');
    db.exec(`INSERT INTO situations (id, code, received_on, referring_member_id, referring_structure_id, age_band, commune, question,
      created_by, created_at, updated_at) VALUES (2, 'S-2026-002', '2026-03-20', 1, 1, '36_45', 'Metz', 'Quel relais ?', 1, '${now}', '${now}')`);
    migrate(db, { target: 18 });
    expect(schemaVersion(db)).toBe(18);
    // The meeting is held: the item deliberated counts for both dates.
    expect(dates(db)).toEqual({ contact: '2026-04-02', review: '2026-04-02' });
    expect(db.prepare('SELECT last_contact_on, last_review_on FROM situations WHERE id = 2').raw().get()).toEqual(['2026-03-20', '']);
  });

  it('keeps them on every new step, from the table that holds it', () => {
    db = freshEncryptedDb().db;
    migrate(db, { target: 18 });
    seedSituation(db, now);
    expect(dates(db)).toEqual({ contact: '2026-03-02', review: '' }); // received, never reviewed
    db.exec(`UPDATE situations SET eligibility_decided_on = '2026-03-05', state = 'eligible' WHERE id = 1`);
    expect(dates(db).contact).toBe('2026-03-05');
    db.exec(
      `INSERT INTO situation_transitions (situation_id, at, user_id, from_state, to_state) VALUES (1, '2026-03-09T08:00:00.000Z', 1, 'eligible', 'follow_up')`,
    );
    expect(dates(db).review).toBe('2026-03-09');
    db.exec(`INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
      VALUES (1, '2026-04-02', '14:00', '17:30', 'CH de Jury', 1, 'convened', 1, '${now}', '${now}')`);
    db.exec(`INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, status, created_at)
      VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', 'deliberated', '${now}')`);
    expect(dates(db)).toEqual({ contact: '2026-03-05', review: '2026-04-02' }); // not held yet: no contact
    db.exec(`UPDATE meetings SET state = 'held' WHERE id = 1`);
    expect(dates(db).contact).toBe('2026-04-02');
    db.exec(`INSERT INTO deliberations (item_id, synthesis, response_typology, proposals, recorded_by, recorded_at, updated_at, returned_on,
      person_agreement) VALUES (1, 'Synthèse', '[]', 'Propositions', 1, '${now}', '${now}', '2026-04-10', 'agreed')`);
    expect(dates(db)).toEqual({ contact: '2026-04-10', review: '2026-04-10' });
    db.exec(`INSERT INTO actions (id, item_id, what, owner_member_id, due_on, outcome, reviewed_on, created_by, created_at)
      VALUES (1, 1, 'Visite conjointe', 1, '2026-05-01', 'done', '2026-05-04', 1, '${now}')`);
    expect(dates(db)).toEqual({ contact: '2026-05-04', review: '2026-05-04' });
    db.exec(`UPDATE situations SET closed_on = '2026-06-01', state = 'closed', closure_reason = 'other' WHERE id = 1`);
    expect(dates(db)).toEqual({ contact: '2026-06-01', review: '2026-05-04' });
  });
});
