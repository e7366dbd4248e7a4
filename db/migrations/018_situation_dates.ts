import type { Migration } from './types';

// Two dates of a situation that lists filter on, kept by SQLite itself (issue 28): the last contact
// (G9: the retention period runs from it) and the last review of a follow-up (the dashboard names the
// follow-ups nobody reviewed for six months). Each was the maximum of five or six dated steps,
// computed for every situation on every dashboard; now a column with its index, recomputed for the
// situations concerned by triggers on every table holding one of those steps, whichever code path
// writes it (services, restore, demo). Only the changes the schema allows are followed: transitions
// and consents are never deleted, a consent's only later date is its withdrawal (migrations 004, 007),
// an item never changes situation. A later migration that rebuilds one of these tables must
// create its triggers again (the test in tests/integration/situation-dates.test.ts would fail).

/** Every dated step of the file: received, eligibility, closure, a meeting held, a consent, a return, an action reviewed. */
const LAST_CONTACT = `max(
  s.received_on, COALESCE(s.eligibility_decided_on, ''), COALESCE(s.closed_on, ''),
  COALESCE((SELECT max(m.held_on) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
            WHERE i.situation_id = s.id AND i.status <> 'dropped' AND m.state IN ('held', 'minutes_signed')), ''),
  COALESCE((SELECT max(max(c.collected_on, COALESCE(c.withdrawn_on, ''))) FROM consents c WHERE c.situation_id = s.id), ''),
  COALESCE((SELECT max(d.returned_on) FROM deliberations d JOIN agenda_items i ON i.id = d.item_id WHERE i.situation_id = s.id), ''),
  COALESCE((SELECT max(a.reviewed_on) FROM actions a JOIN agenda_items i ON i.id = a.item_id WHERE i.situation_id = s.id), '')
)`;

/** A review of the follow-up: deliberated in a meeting, the return to the person, an action reviewed, or entering follow-up. */
const LAST_REVIEW = `max(
  COALESCE((SELECT max(m.held_on) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
            WHERE i.situation_id = s.id AND i.status = 'deliberated'), ''),
  COALESCE((SELECT max(d.returned_on) FROM deliberations d JOIN agenda_items i ON i.id = d.item_id WHERE i.situation_id = s.id), ''),
  COALESCE((SELECT max(a.reviewed_on) FROM actions a JOIN agenda_items i ON i.id = a.item_id WHERE i.situation_id = s.id), ''),
  COALESCE((SELECT max(substr(t.at, 1, 10)) FROM situation_transitions t WHERE t.situation_id = s.id AND t.to_state = 'follow_up'), '')
)`;

const recompute = (which: string) =>
  `UPDATE situations AS s SET last_contact_on = ${LAST_CONTACT}, last_review_on = ${LAST_REVIEW} WHERE s.id IN (${which});`;

/** One trigger per change of a table holding a dated step; `which` names the situations concerned. */
function trigger(name: string, event: string, table: string, which: string): string {
  return `CREATE TRIGGER situation_dates_${name} AFTER ${event} ON ${table} BEGIN ${recompute(which)} END;`;
}

const itemOf = (row: 'NEW' | 'OLD') => `SELECT situation_id FROM agenda_items WHERE id = ${row}.item_id`;

export const migration018: Migration = {
  version: 18,
  name: 'situation_dates',
  up(db) {
    db.exec(`
      ALTER TABLE situations ADD COLUMN last_contact_on TEXT NOT NULL DEFAULT '';
      ALTER TABLE situations ADD COLUMN last_review_on TEXT NOT NULL DEFAULT '';
      CREATE INDEX situations_last_contact ON situations(state, last_contact_on);
      CREATE INDEX situations_last_review ON situations(state, last_review_on);
      CREATE INDEX situations_consent_withdrawn ON situations(id) WHERE closure_reason = 'consent_withdrawn';
      ${trigger('situation_new', 'INSERT', 'situations', 'NEW.id')}
      ${trigger('situation_dates', 'UPDATE OF received_on, eligibility_decided_on, closed_on', 'situations', 'NEW.id')}
      ${trigger('transition_new', 'INSERT', 'situation_transitions', 'NEW.situation_id')}
      ${trigger('item_new', 'INSERT', 'agenda_items', 'NEW.situation_id')}
      ${trigger('item_changed', 'UPDATE OF status, meeting_id', 'agenda_items', 'NEW.situation_id')}
      ${trigger('item_gone', 'DELETE', 'agenda_items', 'OLD.situation_id')}
      ${trigger('meeting_changed', 'UPDATE OF held_on, state', 'meetings', 'SELECT situation_id FROM agenda_items WHERE meeting_id = NEW.id')}
      ${trigger('consent_new', 'INSERT', 'consents', 'NEW.situation_id')}
      ${trigger('consent_withdrawn', 'UPDATE OF withdrawn_on', 'consents', 'NEW.situation_id')}
      ${trigger('deliberation_new', 'INSERT', 'deliberations', itemOf('NEW'))}
      ${trigger('deliberation_returned', 'UPDATE OF returned_on', 'deliberations', itemOf('NEW'))}
      ${trigger('deliberation_gone', 'DELETE', 'deliberations', itemOf('OLD'))}
      ${trigger('action_new', 'INSERT', 'actions', itemOf('NEW'))}
      ${trigger('action_reviewed', 'UPDATE OF reviewed_on', 'actions', itemOf('NEW'))}
      ${trigger('action_gone', 'DELETE', 'actions', itemOf('OLD'))}
      ${recompute('SELECT id FROM situations')}
    `);
  },
};
