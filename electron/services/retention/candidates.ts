// Which situations' personal data is due for erasure (G9), not yet purged: closed or rejected and
// past the retention period since the last contact; closed because the person withdrew their
// consent and nothing obliges to keep them (no meeting held whose minutes await signature); or a
// referral that never got a consent, past its own shorter period since it was received.
import type { Db } from '../../../db/connection';
import { addMonths, Day, lastDayDueBy } from '../../shared/dates';
import type { SituationState } from '../../shared/situation-vocabulary';

/** Why a situation is due: the retention period, the withdrawal of consent, or no consent ever. */
export type PurgeReason = 'retention' | 'withdrawal' | 'no_consent';

export interface RetentionPeriods {
  retentionMonths: number;
  unconsentedReferralMonths: number;
}

export interface PurgeCandidate {
  id: number;
  code: string;
  state: SituationState;
  closedOn: Day | null;
  lastContact: Day;
  basis: PurgeReason;
  /** When the retention period ends (already past for `retention`). */
  dueOn: Day;
}

/** Minutes still to be signed for a meeting this situation was examined in: the record is not complete. */
const AWAITS_SIGNATURE = `EXISTS (SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
  WHERE i.situation_id = s.id AND i.status <> 'dropped' AND m.state = 'held')`;

interface Row {
  id: number;
  code: string;
  state: SituationState;
  received_on: string;
  closed_on: string | null;
  closure_reason: string | null;
  last_contact: string;
  awaits_signature: number;
  consented: number;
}

/**
 * The situations due, filtered in SQL: the last contact (`last_contact_on`, kept by SQLite, migration
 * 018) and the referral's day compared with the last day due, computed once; each row's reason and
 * due day are then settled as before (the SQL filter lets through all the rows that may be due).
 */
export function purgeCandidates(db: Db, today: Day, periods: RetentionPeriods): PurgeCandidate[] {
  const rows = db
    .prepare(
      `WITH maybe(id) AS (
         SELECT id FROM situations WHERE state IN ('closed', 'rejected') AND last_contact_on <= @contact
         UNION SELECT id FROM situations WHERE closure_reason = 'consent_withdrawn'
         UNION SELECT s.id FROM situations s WHERE s.received_on <= @received
           AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = s.id))
       SELECT s.id, s.code, s.state, s.received_on, s.closed_on, s.closure_reason, s.last_contact_on AS last_contact,
         ${AWAITS_SIGNATURE} AS awaits_signature, EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = s.id) AS consented
       FROM maybe JOIN situations s ON s.id = maybe.id
       WHERE NOT EXISTS (SELECT 1 FROM situation_purges p WHERE p.situation_id = s.id)
         AND (s.state IN ('closed', 'rejected') OR NOT EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = s.id))
       ORDER BY s.code`,
    )
    .all({
      contact: lastDayDueBy(today, periods.retentionMonths),
      received: lastDayDueBy(today, periods.unconsentedReferralMonths),
    }) as Row[];
  const candidates: PurgeCandidate[] = [];
  for (const row of rows) {
    const base = { id: row.id, code: row.code, state: row.state, closedOn: row.closed_on, lastContact: row.last_contact };
    const unconsentedDue = addMonths(row.received_on, periods.unconsentedReferralMonths);
    const retentionDue = addMonths(row.last_contact, periods.retentionMonths);
    const closed = row.state === 'closed' || row.state === 'rejected';
    if (row.consented === 0 && row.awaits_signature === 0 && unconsentedDue <= today)
      candidates.push({ ...base, dueOn: unconsentedDue, basis: 'no_consent' });
    else if (closed && retentionDue <= today) candidates.push({ ...base, dueOn: retentionDue, basis: 'retention' });
    else if (row.closure_reason === 'consent_withdrawn' && row.awaits_signature === 0)
      candidates.push({ ...base, dueOn: retentionDue, basis: 'withdrawal' });
  }
  return candidates;
}
