// The situation lifecycle (DESIGN §3): which state may follow which, enforced for every change and
// recorded twice — in the situation's history (shown on its page) and in the audit trail.
//   received → eligible | rejected → awaiting_consent → ready → scheduled → examined → follow_up → closed
// Re-examination goes from follow_up back to scheduled; a situation leaving an agenda goes back to
// where it came from (ready, or follow_up);
// every open state may be closed (with a reason; withdrawal of consent is one).
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ClosureReason, SituationState } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';

export const TRANSITIONS: Readonly<Record<SituationState, readonly SituationState[]>> = {
  received: ['eligible', 'rejected', 'closed'],
  eligible: ['awaiting_consent', 'ready', 'closed'],
  rejected: [],
  awaiting_consent: ['ready', 'closed'],
  ready: ['scheduled', 'awaiting_consent', 'closed'],
  scheduled: ['examined', 'ready', 'follow_up', 'closed'],
  examined: ['follow_up', 'closed'],
  follow_up: ['scheduled', 'closed'],
  closed: [],
};

export const canMove = (from: SituationState, to: SituationState): boolean => TRANSITIONS[from].includes(to);

/** The moves the situation's page offers from a state (scheduling belongs to the agenda). */
export const nextMoves = (from: SituationState): SituationState[] =>
  TRANSITIONS[from].filter((to) => to !== 'scheduled' && to !== 'examined' && to !== 'follow_up');

export interface Move {
  to: SituationState;
  /** Why, in the history: a closure reason code, a rejection, … (never a name). */
  reason?: string | null;
  /** Extra columns written with the state (closing, eligibility). */
  columns?: Record<string, string | number | null>;
}

/** Moves a situation, refusing any transition the lifecycle does not allow. Inside the caller's transaction. */
export function moveSituation(ctx: ServiceContext, situationId: number, move: Move): void {
  const row = ctx.db.prepare('SELECT code, state FROM situations WHERE id = ?').get(situationId) as
    { code: string; state: SituationState } | undefined;
  if (!row) throw new AppError('SITUATION_NOT_FOUND');
  if (row.state === 'closed') throw new AppError('SITUATION_CLOSED');
  if (!canMove(row.state, move.to)) throw new AppError('SITUATION_TRANSITION');
  const now = nowIso(ctx.clock);
  const columns = Object.entries(move.columns ?? {});
  ctx.db
    .prepare(`UPDATE situations SET state = ?, updated_at = ?${columns.map(([name]) => `, ${name} = ?`).join('')} WHERE id = ?`)
    .run(move.to, now, ...columns.map(([, value]) => value), situationId);
  ctx.db
    .prepare('INSERT INTO situation_transitions (situation_id, at, user_id, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?)')
    .run(situationId, now, ctx.actor.userId, row.state, move.to, move.reason ?? null);
  ctx.audit('situations.transition', { type: 'situation', id: situationId }, `situation=${row.code},from=${row.state},to=${move.to}`);
}

/** Closes a situation with its reason; the closing day starts its retention period (G9). */
export function closeWith(
  ctx: ServiceContext,
  situationId: number,
  closure: { reason: ClosureReason; closedOn: string; note: string },
): void {
  moveSituation(ctx, situationId, {
    to: 'closed',
    reason: closure.reason,
    columns: { closure_reason: closure.reason, closure_note: closure.note || null, closed_on: closure.closedOn },
  });
}
