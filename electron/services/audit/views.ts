// A page view is one event of the trail. The same user viewing the same thing again within
// VIEW_WINDOW_MS — the page refreshed after a change, a second panel of the same page, a return to
// it a moment later — is the same consultation: it is not written twice. The window looks only at
// the trail's last events, so it costs the same on a trail of ten years.
import type { ServiceContext } from '../context';

export const VIEW_WINDOW_MS = 10 * 60_000;
const RECENT_EVENTS = 500;

type ViewAction = 'situations.view' | 'meetings.view' | 'meetings.viewItem';

export function auditView(
  ctx: ServiceContext,
  action: ViewAction,
  object: { type: 'situation' | 'meeting'; id: number },
  detail?: string,
): void {
  const since = new Date(ctx.clock().getTime() - VIEW_WINDOW_MS).toISOString();
  const seen = ctx.db
    .prepare(
      `SELECT 1 FROM audit_events
       WHERE id > (SELECT coalesce(max(id), 0) - ${RECENT_EVENTS} FROM audit_events)
         AND user_id = ? AND action = ? AND object_type = ? AND object_id = ? AND at >= ? AND outcome = 'success'
       LIMIT 1`,
    )
    .get(ctx.actor.userId, action, object.type, String(object.id), since);
  if (!seen) ctx.audit(action, object, detail);
}
