// Moving a situation along from its page (consent requested, ready under the gates, closed with a
// reason), its history, and what the dashboard lists for the coordinator.
import { AppError } from '../../errors';
import { addDays, Day } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { DescribedEvent, describeEvents } from '../audit/describe';
import { listAudit } from '../audit/trail';
import { auditActionLabel } from '../../shared/audit-actions';
import { closeWith, moveSituation } from './lifecycle';
import type { CloseInput } from './schema';
import { pageSituations, SituationDetail, situationDetail, situationRow, situationSummary, SituationSummary } from './situations';

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
  awaitingEligibility: SituationSummary[];
  awaitingConsent: SituationSummary[];
  /** Consents in force to confirm again within 30 days, or already overdue. */
  reconfirmationDue: ReconfirmationDue[];
}

const REMINDER_DAYS = 30;

export function situationsDashboard(ctx: ServiceContext): SituationsDashboard {
  const all = (state: 'received' | 'eligible' | 'awaiting_consent') => pageSituations(ctx, { state, limit: 200, offset: 0 }).items;
  const due = ctx.db
    .prepare(
      `SELECT s.id, c.reconfirm_by AS reconfirmBy FROM situations s
       JOIN consents c ON c.id = (SELECT id FROM consents WHERE situation_id = s.id ORDER BY collected_on DESC, id DESC LIMIT 1)
       WHERE s.state NOT IN ('closed', 'rejected') AND c.withdrawn_on IS NULL AND c.reconfirm_by IS NOT NULL AND c.reconfirm_by <= ?
       ORDER BY c.reconfirm_by`,
    )
    .all(addDays(ctx.today, REMINDER_DAYS)) as { id: number; reconfirmBy: Day }[];
  return {
    awaitingEligibility: all('received'),
    awaitingConsent: [...all('eligible'), ...all('awaiting_consent')],
    reconfirmationDue: due.map(({ id, reconfirmBy }) => ({ ...situationSummary(ctx.db, id), reconfirmBy })),
  };
}
