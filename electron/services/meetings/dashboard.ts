// What the dashboard says of meetings: the next one and its readiness, the actions overdue, the
// situations in follow-up that nobody has reviewed for too long.
import type { ServiceContext } from '../context';
import { actionsBoard, ActionView, StaleFollowUp, staleFollowUps } from './actions';
import { MeetingDetail, meetingDetail } from './meetings';

export interface MeetingsDashboard {
  next: Pick<MeetingDetail, 'id' | 'heldOn' | 'startsAt' | 'endsAt' | 'place' | 'state' | 'readiness'> | null;
  overdueActions: ActionView[];
  dueSoonActions: number;
  staleFollowUps: StaleFollowUp[];
}

export function meetingsDashboard(ctx: ServiceContext): MeetingsDashboard {
  const nextId = ctx.db
    .prepare(`SELECT id FROM meetings WHERE held_on >= ? AND state IN ('planned', 'convened') ORDER BY held_on, starts_at LIMIT 1`)
    .pluck()
    .get(ctx.today) as number | undefined;
  const next = nextId === undefined ? null : meetingDetail(ctx, nextId);
  const actions = actionsBoard(ctx, {});
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
    overdueActions: actions.filter((a) => a.stage === 'overdue'),
    dueSoonActions: actions.filter((a) => a.stage === 'due_soon').length,
    staleFollowUps: staleFollowUps(ctx),
  };
}
