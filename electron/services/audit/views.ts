// A page view is one event of the trail. The same user viewing the same thing again within
// VIEW_WINDOW_MS — the page refreshed after a change, a second panel of the same page, a return to
// it a moment later, another page or filter of the same list — is the same consultation: it is not
// written twice. The window looks only at the trail's last events, so it costs the same on a trail
// of ten years.
import type { ServiceContext } from '../context';

export const VIEW_WINDOW_MS = 10 * 60_000;
const RECENT_EVENTS = 500;

type ViewAction = 'situations.view' | 'meetings.view' | 'meetings.viewItem';
type ListAction = 'actions.board';

function seenRecently(ctx: ServiceContext, action: ViewAction | ListAction, object: { type: string; id: number } | null): boolean {
  const since = new Date(ctx.clock().getTime() - VIEW_WINDOW_MS).toISOString();
  return (
    ctx.db
      .prepare(
        `SELECT 1 FROM audit_events
         WHERE id > (SELECT coalesce(max(id), 0) - ${RECENT_EVENTS} FROM audit_events)
           AND user_id = ? AND action = ? AND object_type IS ? AND object_id IS ? AND at >= ? AND outcome = 'success'
         LIMIT 1`,
      )
      .get(ctx.actor.userId, action, object?.type ?? null, object === null ? null : String(object.id), since) !== undefined
  );
}

export function auditView(
  ctx: ServiceContext,
  action: ViewAction,
  object: { type: 'situation' | 'meeting'; id: number },
  detail?: string,
): void {
  if (!seenRecently(ctx, action, object)) ctx.audit(action, object, detail);
}

/** A list read (the follow-up board): one event per consultation, whatever its filters and pages. */
export function auditListView(ctx: ServiceContext, action: ListAction): void {
  if (!seenRecently(ctx, action, null)) ctx.audit(action, null);
}
