// Recording the animateur's approval (approval-state.ts says what it is and how it is printed).
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { meetingRow } from '../meetings/meetings';
import { approvalOf, recordDigest, RecordedReason } from './approval-state';
import { minutesInput } from '../meetings/minutes';
import { minutesStatus, MinutesStatus } from './status';
import { assertNoPersonName } from '../situations/shared-text';

function assertHeld(ctx: ServiceContext, meetingId: number): void {
  const meeting = meetingRow(ctx.db, meetingId);
  if (meeting.state === 'minutes_signed') throw new AppError('MINUTES_SIGNED');
  if (meeting.state !== 'held') throw new AppError('MEETING_NOT_HELD');
}

/** The animateur approves the draft as it stands: only the user linked to the meeting's animateur. */
export function approveMinutes(ctx: ServiceContext, input: { meetingId: number }): MinutesStatus {
  assertHeld(ctx, input.meetingId);
  const meeting = meetingRow(ctx.db, input.meetingId);
  const linked = ctx.db.prepare('SELECT member_id FROM users WHERE id = ?').pluck().get(ctx.actor.userId) as number | null;
  if (ctx.actor.role !== 'animateur' || linked !== meeting.animateur_member_id) throw new AppError('MINUTES_NOT_YOUR_MEETING');
  ctx.db
    .prepare(
      `INSERT INTO minutes_approvals (meeting_id, kind, content_digest, by_user_id, at) VALUES (?, 'approved', ?, ?, ?)
       ON CONFLICT(meeting_id) DO UPDATE SET kind = 'approved', content_digest = excluded.content_digest, reason = NULL,
         reason_on = NULL, by_user_id = excluded.by_user_id, at = excluded.at`,
    )
    .run(input.meetingId, recordDigest(minutesInput(ctx, input.meetingId, false)), ctx.actor.userId, nowIso(ctx.clock));
  ctx.audit('minutes.approve', { type: 'meeting', id: input.meetingId });
  return minutesStatus(ctx, input.meetingId);
}

/** The « points discutés » outside the situations: part of the record, like the deliberations. */
export function saveOtherPoints(ctx: ServiceContext, input: { meetingId: number; text: string }): MinutesStatus {
  assertHeld(ctx, input.meetingId);
  const situations = ctx.db.prepare('SELECT situation_id FROM agenda_items WHERE meeting_id = ?').pluck().all(input.meetingId) as number[];
  // The minutes go to every member: no name of a person the meeting examined.
  assertNoPersonName(ctx.db, situations, { text: input.text });
  ctx.db.prepare('UPDATE meetings SET other_points = ?, updated_at = ? WHERE id = ?').run(input.text, nowIso(ctx.clock), input.meetingId);
  ctx.audit('minutes.otherPoints', { type: 'meeting', id: input.meetingId });
  return minutesStatus(ctx, input.meetingId);
}

/** The coordination records why the animateur's approval is not in the app (an in-app one stays). */
export function recordApproval(ctx: ServiceContext, input: { meetingId: number; reason: RecordedReason; on: string }): MinutesStatus {
  assertHeld(ctx, input.meetingId);
  const current = approvalOf(ctx.db, input.meetingId, recordDigest(minutesInput(ctx, input.meetingId, false)));
  if (current?.kind === 'approved' && current.current) throw new AppError('MINUTES_ALREADY_APPROVED');
  const meeting = meetingRow(ctx.db, input.meetingId);
  if (input.on < meeting.held_on) throw new AppError('APPROVAL_BEFORE_MEETING');
  ctx.db
    .prepare(
      `INSERT INTO minutes_approvals (meeting_id, kind, reason, reason_on, by_user_id, at) VALUES (?, 'recorded', ?, ?, ?, ?)
       ON CONFLICT(meeting_id) DO UPDATE SET kind = 'recorded', content_digest = NULL, reason = excluded.reason,
         reason_on = excluded.reason_on, by_user_id = excluded.by_user_id, at = excluded.at`,
    )
    .run(input.meetingId, input.reason, input.on, ctx.actor.userId, nowIso(ctx.clock));
  ctx.audit('minutes.recordApproval', { type: 'meeting', id: input.meetingId }, `reason=${input.reason}`);
  return minutesStatus(ctx, input.meetingId);
}
