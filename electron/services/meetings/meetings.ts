// Meetings of the commission: planning, the list, one meeting with its agenda and attendance, and
// its readiness. A held meeting cannot be moved (a trigger says so too); a planned meeting with
// nothing on its agenda may be deleted.
import { auditView } from '../audit/views';
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { MeetingState } from '../../shared/meeting-vocabulary';
import type { ServiceContext } from '../context';
import { getMember } from '../partners/members';
import { memberDisplayName } from '../partners/text';
import { agendaItems, AgendaItemView } from './agenda';
import { attendanceOf, AttendanceView } from './attendance';
import type { MeetingInput } from './schema';
import type { Page } from '../partners/structures';

export interface MeetingSummary {
  id: number;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  animateur: { id: number; displayName: string };
  state: MeetingState;
  /** Items still on the agenda (not dropped). */
  itemCount: number;
  convenedCount: number;
}

export interface MeetingReadiness {
  items: number;
  /** Items whose situation no longer passes the gates for the meeting's day. */
  blockedItems: number;
  convened: boolean;
  convenedCount: number;
  /** Convened members who have not signed the charter in force (G3): they cannot be marked present. */
  unsignedAttendees: { memberId: number; displayName: string }[];
}

export interface MeetingDetail extends MeetingSummary {
  items: AgendaItemView[];
  attendance: AttendanceView[];
  readiness: MeetingReadiness;
}

interface MeetingRow {
  id: number;
  held_on: string;
  starts_at: string;
  ends_at: string;
  place: string;
  animateur_member_id: number;
  animateur_first: string;
  animateur_last: string;
  state: MeetingState;
  item_count: number;
  convened_count: number;
}

const SELECT = `
  SELECT m.*, a.first_name AS animateur_first, a.last_name AS animateur_last,
    (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.status <> 'dropped') AS item_count,
    (SELECT count(*) FROM attendances t WHERE t.meeting_id = m.id AND t.convened_at IS NOT NULL) AS convened_count
  FROM meetings m JOIN members a ON a.id = m.animateur_member_id`;

const toSummary = (row: MeetingRow): MeetingSummary => ({
  id: row.id,
  heldOn: row.held_on,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  place: row.place,
  animateur: {
    id: row.animateur_member_id,
    displayName: memberDisplayName({ firstName: row.animateur_first, lastName: row.animateur_last }),
  },
  state: row.state,
  itemCount: row.item_count,
  convenedCount: row.convened_count,
});

export function meetingRow(db: Db, meetingId: number): MeetingRow {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(meetingId) as MeetingRow | undefined;
  if (!row) throw new AppError('MEETING_NOT_FOUND');
  return row;
}

/** Refuses changes to a meeting that has been held (its record belongs to the minutes). */
export function assertNotHeld(row: { state: MeetingState }): void {
  if (row.state === 'held' || row.state === 'minutes_signed') throw new AppError('MEETING_HELD');
}

export function listMeetings(ctx: Pick<ServiceContext, 'db'>): MeetingSummary[] {
  return (ctx.db.prepare(`${SELECT} ORDER BY m.held_on DESC, m.starts_at DESC`).all() as MeetingRow[]).map(toSummary);
}

/** The meetings page: newest first, 50 at a time (ten years hold 400). */
export function pageMeetings(ctx: Pick<ServiceContext, 'db'>, input: { limit: number; offset: number }): Page<MeetingSummary> {
  const total = ctx.db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
  const rows = ctx.db
    .prepare(`${SELECT} ORDER BY m.held_on DESC, m.starts_at DESC, m.id DESC LIMIT ? OFFSET ?`)
    .all(input.limit, input.offset) as MeetingRow[];
  return { items: rows.map(toSummary), total };
}

export function meetingDetail(ctx: Pick<ServiceContext, 'db' | 'today'>, meetingId: number): MeetingDetail {
  const summary = toSummary(meetingRow(ctx.db, meetingId));
  const items = agendaItems(ctx.db, summary);
  const attendance = attendanceOf(ctx.db, meetingId);
  const active = items.filter((i) => i.status !== 'dropped');
  return {
    ...summary,
    items,
    attendance,
    readiness: {
      items: active.length,
      blockedItems: active.filter((i) => i.gateReasons.length > 0).length,
      convened: summary.state !== 'planned',
      convenedCount: summary.convenedCount,
      unsignedAttendees: attendance
        .filter((a) => a.convenedAt !== null && a.charterReasons.length > 0)
        .map((a) => ({ memberId: a.memberId, displayName: a.displayName })),
    },
  };
}

/** The meeting's page, audited as a view: its agenda names situations by code. */
export function viewMeeting(ctx: ServiceContext, input: { meetingId: number }): MeetingDetail {
  const detail = meetingDetail(ctx, input.meetingId);
  auditView(ctx, 'meetings.view', { type: 'meeting', id: detail.id });
  return detail;
}

export function saveMeeting(ctx: ServiceContext, input: MeetingInput): MeetingDetail {
  const animateur = getMember(ctx.db, input.animateurMemberId);
  if (!animateur.active) throw new AppError('ANIMATEUR_INACTIVE');
  const now = nowIso(ctx.clock);
  if (input.id === undefined) {
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO meetings (held_on, starts_at, ends_at, place, animateur_member_id, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.heldOn, input.startsAt, input.endsAt, input.place, input.animateurMemberId, ctx.actor.userId, now, now).lastInsertRowid,
    );
    ctx.audit('meetings.plan', { type: 'meeting', id }, `day=${input.heldOn}`);
    return meetingDetail(ctx, id);
  }
  const row = meetingRow(ctx.db, input.id);
  const moved =
    row.held_on !== input.heldOn || row.starts_at !== input.startsAt || row.ends_at !== input.endsAt || row.place !== input.place;
  if (moved) assertNotHeld(row);
  ctx.db
    .prepare('UPDATE meetings SET held_on = ?, starts_at = ?, ends_at = ?, place = ?, animateur_member_id = ?, updated_at = ? WHERE id = ?')
    .run(input.heldOn, input.startsAt, input.endsAt, input.place, input.animateurMemberId, now, row.id);
  ctx.audit('meetings.update', { type: 'meeting', id: row.id }, `day=${input.heldOn}`);
  // A later day may be past a consent's re-confirmation date: the agenda is checked again.
  if (row.held_on !== input.heldOn) ctx.gateFactsChanged({ meetingId: row.id });
  return meetingDetail(ctx, row.id);
}

/** Only a planned meeting with an empty agenda; anything else is part of the record. */
export function deleteMeeting(ctx: ServiceContext, input: { meetingId: number }): { deleted: true } {
  const row = meetingRow(ctx.db, input.meetingId);
  if (row.state !== 'planned') throw new AppError('MEETING_NOT_DELETABLE');
  const used = ctx.db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(row.id) as number;
  if (used > 0) throw new AppError('MEETING_NOT_DELETABLE');
  ctx.db.prepare('DELETE FROM attendances WHERE meeting_id = ?').run(row.id);
  ctx.db.prepare('DELETE FROM meetings WHERE id = ?').run(row.id);
  ctx.audit('meetings.delete', { type: 'meeting', id: row.id });
  return { deleted: true };
}
