// The commission's own counts for a period, read only from what a G9 purge keeps (codes, dates,
// bands, communes, structures, typologies, outcomes): the same before and after any erasure. The
// evaluation (issue 13: indicators, annual report) builds on these.
import type { Db } from '../../../db/connection';
import type { Day } from '../../shared/dates';

export interface Period {
  from: Day;
  to: Day;
}

export type Breakdown = Record<string, number>;

export interface CommissionCounts {
  referralsReceived: number;
  byAgeBand: Breakdown;
  byCommune: Breakdown;
  byReferringSector: Breakdown;
  byTypology: Breakdown;
  eligibilityDecisions: Breakdown;
  consentsCollected: number;
  consentsWithdrawn: number;
  meetingsHeld: number;
  itemsExamined: number;
  situationsExamined: number;
  reexaminations: number;
  responseTypologies: Breakdown;
  itemOutcomes: Breakdown;
  actionsByOutcome: Breakdown;
  actionsByOwnerSector: Breakdown;
  closuresByReason: Breakdown;
  /** Median days from referral to first examination, for situations first examined in the period. */
  medianDaysToFirstExamination: number | null;
  /** How many situations that median rests on. */
  firstExaminations: number;
  presences: number;
}

const breakdown = (db: Db, sql: string, period: Period): Breakdown =>
  Object.fromEntries((db.prepare(sql).all(period) as { k: string | null; n: number }[]).map((r) => [r.k ?? '—', r.n]));
const count = (db: Db, sql: string, period: Period): number => db.prepare(sql).pluck().get(period) as number;

/** The median of sorted numbers: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const HELD = `m.state IN ('held', 'minutes_signed') AND m.held_on BETWEEN @from AND @to`;
const EXAMINED = `i.status = 'deliberated'`;

export function commissionCounts(db: Db, period: Period): CommissionCounts {
  const received = `FROM situations s WHERE s.received_on BETWEEN @from AND @to`;
  const delays = db
    .prepare(
      `SELECT julianday(min(m.held_on)) - julianday(s.received_on) AS days
       FROM situations s JOIN agenda_items i ON i.situation_id = s.id JOIN meetings m ON m.id = i.meeting_id
       WHERE ${EXAMINED} AND m.state IN ('held', 'minutes_signed')
       GROUP BY s.id HAVING min(m.held_on) BETWEEN @from AND @to ORDER BY days`,
    )
    .pluck()
    .all(period) as number[];
  return {
    referralsReceived: count(db, `SELECT count(*) ${received}`, period),
    byAgeBand: breakdown(db, `SELECT s.age_band AS k, count(*) AS n ${received} GROUP BY k`, period),
    byCommune: breakdown(db, `SELECT s.commune AS k, count(*) AS n ${received} GROUP BY k`, period),
    byReferringSector: breakdown(
      db,
      `SELECT st.sector AS k, count(*) AS n FROM situations s JOIN structures st ON st.id = s.referring_structure_id
       WHERE s.received_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    byTypology: breakdown(
      db,
      `SELECT t.value AS k, count(*) AS n FROM situations s, json_each(s.typology) t WHERE s.received_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    eligibilityDecisions: breakdown(
      db,
      `SELECT CASE WHEN s.rejection_reason IS NULL THEN 'eligible' ELSE 'rejected' END AS k, count(*) AS n
       FROM situations s WHERE s.eligibility_decided_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    consentsCollected: count(db, `SELECT count(*) FROM consents WHERE collected_on BETWEEN @from AND @to`, period),
    consentsWithdrawn: count(db, `SELECT count(*) FROM consents WHERE withdrawn_on BETWEEN @from AND @to`, period),
    meetingsHeld: count(db, `SELECT count(*) FROM meetings m WHERE ${HELD}`, period),
    itemsExamined: count(
      db,
      `SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE ${HELD} AND ${EXAMINED}`,
      period,
    ),
    situationsExamined: count(
      db,
      `SELECT count(DISTINCT i.situation_id) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE ${HELD} AND ${EXAMINED}`,
      period,
    ),
    reexaminations: count(
      db,
      `SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE ${HELD} AND ${EXAMINED} AND i.scheduled_from = 'follow_up'`,
      period,
    ),
    responseTypologies: breakdown(
      db,
      `SELECT t.value AS k, count(*) AS n FROM deliberations d JOIN agenda_items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id,
         json_each(d.response_typology) t WHERE ${HELD} GROUP BY k`,
      period,
    ),
    itemOutcomes: breakdown(
      db,
      `SELECT d.outcome AS k, count(*) AS n FROM deliberations d JOIN agenda_items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id
       WHERE ${HELD} GROUP BY k`,
      period,
    ),
    actionsByOutcome: breakdown(
      db,
      `SELECT COALESCE(a.outcome, 'pending') AS k, count(*) AS n FROM actions a WHERE a.due_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    actionsByOwnerSector: breakdown(
      db,
      `SELECT st.sector AS k, count(*) AS n FROM actions a LEFT JOIN members mb ON mb.id = a.owner_member_id
         JOIN structures st ON st.id = COALESCE(a.owner_structure_id, mb.structure_id)
       WHERE a.due_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    closuresByReason: breakdown(
      db,
      `SELECT s.closure_reason AS k, count(*) AS n FROM situations s WHERE s.closed_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    medianDaysToFirstExamination: median(delays),
    firstExaminations: delays.length,
    presences: count(
      db,
      `SELECT count(*) FROM attendances a JOIN meetings m ON m.id = a.meeting_id WHERE ${HELD} AND a.status IN ('present', 'represented')`,
      period,
    ),
  };
}
