// What the dashboard says of meetings: the next one and its readiness, the actions overdue, the
// situations in follow-up that nobody has reviewed for too long.
import type { ServiceContext } from '../context';
import { ActionView, StaleFollowUp, staleFollowUps } from './actions';
import { boardCounts, sectionRows } from './action-board';
import { MeetingDetail, meetingDetail } from './meetings';

/** The dashboard names this many rows of a list at most, and gives the count of the rest. */
export const DASHBOARD_ROWS = 20;

export interface MeetingsDashboard {
  next: Pick<MeetingDetail, 'id' | 'heldOn' | 'startsAt' | 'endsAt' | 'place' | 'state' | 'readiness'> | null;
  /** The first DASHBOARD_ROWS overdue actions, by due day. */
  overdueActions: ActionView[];
  overdueCount: number;
  dueSoonActions: number;
  /** The DASHBOARD_ROWS situations waiting longest for a review. */
  staleFollowUps: StaleFollowUp[];
  staleCount: number;
}

export function meetingsDashboard(ctx: ServiceContext): MeetingsDashboard {
  const nextId = ctx.db
    .prepare(`SELECT id FROM meetings WHERE held_on >= ? AND state IN ('planned', 'convened') ORDER BY held_on, starts_at LIMIT 1`)
    .pluck()
    .get(ctx.today) as number | undefined;
  const next = nextId === undefined ? null : meetingDetail(ctx, nextId);
  const counts = boardCounts(ctx, {});
  const stale = staleFollowUps(ctx, DASHBOARD_ROWS);
  return {
    next: next && {
      id: next.id,
      heldOn: next.heldOn,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      place: next.place,
      state: next.state,
      readiness: next.readiness,
    },
    overdueActions: sectionRows(ctx, { section: 'overdue', limit: DASHBOARD_ROWS, offset: 0 }),
    overdueCount: counts.overdue,
    dueSoonActions: counts.due_soon,
    staleFollowUps: stale.rows,
    staleCount: stale.count,
  };
}
