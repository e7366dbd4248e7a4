// Moving a situation along from its page (consent requested, ready under the gates, closed with a
// reason), its history, and what the dashboard lists for the coordinator.
import { AppError } from '../../errors';
import { addDays, Day, lastDayDueBy } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { reconfirmationDay } from '../gates/g1-consent';
import { readSetting } from '../settings/settings';
import { DescribedEvent, describeEvents } from '../audit/describe';
import { listAudit } from '../audit/trail';
import { auditActionLabel } from '../../shared/audit-actions';
import { closeWith, moveSituation } from './lifecycle';
import type { CloseInput } from './schema';
import { SituationDetail, situationDetail, situationRow, situationsIn, situationSummary, SituationSummary } from './situations';

/** `ready` is the promise that the situation may go on an agenda: G4, G1 and G2 hold today. */
export function advanceSituation(ctx: ServiceContext, input: { id: number; to: 'awaiting_consent' | 'ready' }): SituationDetail {
  const row = situationRow(ctx.db, input.id);
  if (row.state === 'closed') throw new AppError('SITUATION_CLOSED');
  if (input.to === 'ready') assertGates(ctx, checks.situation(row.id, ctx.today));
  moveSituation(ctx, row.id, { to: input.to });
  return situationDetail(ctx, row.id);
}

export function closeSituation(ctx: ServiceContext, input: CloseInput): SituationDetail {
  const row = situationRow(ctx.db, input.id);
  if (input.closedOn < row.received_on) throw new AppError('CLOSURE_BEFORE_RECEIPT');
  // On an agenda, the item is dealt with there: concluded with a closing, or taken off first.
  if (row.state === 'scheduled') throw new AppError('SITUATION_ON_AGENDA');
  closeWith(ctx, row.id, input);
  return situationDetail(ctx, row.id);
}

export interface HistoryEntry {
  id: number;
  at: string;
  userName: string;
  action: string;
  outcome: DescribedEvent['outcome'];
  detailLabel: string;
}

/** Everything recorded about the situation, newest first: changes, consents, views, prints (G8). */
export function situationHistory(ctx: ServiceContext, input: { id: number }): HistoryEntry[] {
  situationRow(ctx.db, input.id);
  const { events } = listAudit(ctx.db, { object: { type: 'situation', id: String(input.id) }, limit: 500, offset: 0 });
  const names = new Map(
    (ctx.db.prepare('SELECT id, display_name AS name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]),
  );
  return describeEvents(ctx.db, events).map((e) => ({
    id: e.id,
    at: e.at,
    userName: e.userId === null ? '' : (names.get(e.userId) ?? `Compte n° ${e.userId}`),
    action: auditActionLabel(e.action),
    outcome: e.outcome,
    detailLabel: e.detailLabel,
  }));
}

export interface ReconfirmationDue extends SituationSummary {
  reconfirmBy: Day;
}

export interface SituationsDashboard {
  /** The first DASHBOARD_ROWS of each list, newest referral first; `counts` gives every one. */
  awaitingEligibility: SituationSummary[];
  awaitingConsent: SituationSummary[];
  /** Consents in force to confirm again within 30 days, or already overdue; the most urgent first. */
  reconfirmationDue: ReconfirmationDue[];
  counts: { awaitingEligibility: number; awaitingConsent: number; reconfirmationDue: number };
}

const REMINDER_DAYS = 30;
/** The dashboard names this many situations per list at most (the list pages show the rest). */
export const DASHBOARD_ROWS = 20;

export function situationsDashboard(ctx: ServiceContext): SituationsDashboard {
  const eligibility = situationsIn(ctx.db, ['received'], DASHBOARD_ROWS);
  const consent = situationsIn(ctx.db, ['eligible', 'awaiting_consent'], DASHBOARD_ROWS);
  // The consent in force is a situation's latest; it is due when its re-confirmation day is near —
  // the day recorded with it, or sooner under a validity shortened since (G1's reconfirmationDay).
  const months = readSetting(ctx.db, 'consentReconfirmMonths');
  const limit = addDays(ctx.today, REMINDER_DAYS);
  const rows = ctx.db
    .prepare(
      `SELECT s.id, c.collected_on AS collectedOn, c.reconfirm_by AS recorded FROM consents c JOIN situations s ON s.id = c.situation_id
       WHERE s.state NOT IN ('closed', 'rejected') AND c.withdrawn_on IS NULL
         AND ((c.reconfirm_by IS NOT NULL AND c.reconfirm_by <= @limit) OR (@collected IS NOT NULL AND c.collected_on <= @collected))
         AND NOT EXISTS (SELECT 1 FROM consents n WHERE n.situation_id = c.situation_id
           AND (n.collected_on > c.collected_on OR (n.collected_on = c.collected_on AND n.id > c.id)))`,
    )
    .all({ limit, collected: months === null ? null : lastDayDueBy(limit, months) }) as {
    id: number;
    collectedOn: Day;
    recorded: Day | null;
  }[];
  const due = rows
    .map((row) => ({ id: row.id, reconfirmBy: reconfirmationDay(row.collectedOn, row.recorded, months)! }))
    .sort((a, b) => (a.reconfirmBy < b.reconfirmBy ? -1 : a.reconfirmBy > b.reconfirmBy ? 1 : a.id - b.id));
  const dueCount = due.length;
  return {
    awaitingEligibility: eligibility.items,
    awaitingConsent: consent.items,
    reconfirmationDue: due.slice(0, DASHBOARD_ROWS).map(({ id, reconfirmBy }) => ({ ...situationSummary(ctx.db, id), reconfirmBy })),
    counts: { awaitingEligibility: eligibility.total, awaitingConsent: consent.total, reconfirmationDue: dueCount },
  };
}
