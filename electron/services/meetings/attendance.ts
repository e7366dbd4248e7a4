// Convocations and attendance (G3: only members who signed the charter in force are convened or
// marked present; a substitute too). While an item is open, an attendance change is held to G5 for
// it (room.ts: an out-of-scope member stays outside, recorded as an exit, or is refused).
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { AttendanceScope, AttendanceStatus, MeetingState } from '../../shared/meeting-vocabulary';
import type { Category } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { charterGate, loadCharterFacts } from '../gates/g3-charter';
import type { GateReason } from '../../shared/gate-reason';
import { getMember } from '../partners/members';
import { memberDisplayName } from '../partners/text';
import { keepRoomInScope } from './room';

export interface AttendanceView {
  memberId: number;
  displayName: string;
  function: string;
  structureId: number;
  structureName: string;
  category: Category;
  scope: AttendanceScope;
  convenedAt: string | null;
  status: AttendanceStatus;
  substitute: { id: number; displayName: string; structureName: string } | null;
  arrivalItemId: number | null;
  departureItemId: number | null;
  /** G3 now: why this member cannot be marked present (empty when they can). */
  charterReasons: GateReason[];
}

interface AttendanceRow {
  member_id: number;
  first_name: string;
  last_name: string;
  function: string;
  structure_id: number;
  structure_name: string;
  category: Category;
  scope: AttendanceScope;
  convened_at: string | null;
  status: AttendanceStatus;
  substitute_member_id: number | null;
  arrival_item_id: number | null;
  departure_item_id: number | null;
}

const SELECT = `
  SELECT a.*, m.first_name, m.last_name, m.function, m.category, m.structure_id, s.name AS structure_name
  FROM attendances a JOIN members m ON m.id = a.member_id JOIN structures s ON s.id = m.structure_id`;

export function attendanceOf(db: Db, meetingId: number): AttendanceView[] {
  const rows = db
    .prepare(`${SELECT} WHERE a.meeting_id = ? ORDER BY a.scope, s.name, m.last_name, m.first_name`)
    .all(meetingId) as AttendanceRow[];
  return rows.map((row) => {
    const substitute = row.substitute_member_id === null ? null : getMember(db, row.substitute_member_id);
    return {
      memberId: row.member_id,
      displayName: memberDisplayName({ firstName: row.first_name, lastName: row.last_name }),
      function: row.function,
      structureId: row.structure_id,
      structureName: row.structure_name,
      category: row.category,
      scope: row.scope,
      convenedAt: row.convened_at,
      status: row.status,
      substitute: substitute && { id: substitute.id, displayName: substitute.displayName, structureName: substitute.structureName },
      arrivalItemId: row.arrival_item_id,
      departureItemId: row.departure_item_id,
      charterReasons: charterGate(loadCharterFacts(db, row.member_id)),
    };
  });
}

function meetingFor(db: Db, meetingId: number): { id: number; state: MeetingState } {
  const meeting = db.prepare('SELECT id, state FROM meetings WHERE id = ?').get(meetingId) as
    { id: number; state: MeetingState } | undefined;
  if (!meeting) throw new AppError('MEETING_NOT_FOUND');
  if (meeting.state === 'held' || meeting.state === 'minutes_signed') throw new AppError('MEETING_HELD');
  return meeting;
}

/** Presenters and invitees of the agenda's items, convened for their items (G3 checked by the agenda). */
export function conveneItemGuests(ctx: ServiceContext, meetingId: number): void {
  const now = nowIso(ctx.clock);
  ctx.db
    .prepare(
      `INSERT INTO attendances (meeting_id, member_id, scope, convened_at, updated_at)
       SELECT DISTINCT ?, g.member_id, 'items', ?, ? FROM (
         SELECT v.member_id FROM agenda_item_invitees v JOIN agenda_items i ON i.id = v.item_id WHERE i.meeting_id = ? AND i.status <> 'dropped'
         UNION SELECT presenter_member_id FROM agenda_items WHERE meeting_id = ? AND status <> 'dropped' AND presenter_member_id IS NOT NULL
       ) g WHERE true
       ON CONFLICT (meeting_id, member_id) DO UPDATE SET convened_at = coalesce(convened_at, excluded.convened_at)`,
    )
    .run(meetingId, now, now, meetingId, meetingId);
}

/** Convenes members for the whole meeting (G3 for each); the agenda's guests for their items. */
export function convene(ctx: ServiceContext, input: { meetingId: number; memberIds: number[] }): { convened: number } {
  const meeting = meetingFor(ctx.db, input.meetingId);
  const memberIds = [...new Set(input.memberIds)];
  assertGates(ctx, ...memberIds.map((id) => checks.charter(id)));
  const now = nowIso(ctx.clock);
  const upsert = ctx.db.prepare(
    `INSERT INTO attendances (meeting_id, member_id, scope, convened_at, updated_at) VALUES (?, ?, 'meeting', ?, ?)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET scope = 'meeting', convened_at = coalesce(convened_at, excluded.convened_at), updated_at = excluded.updated_at`,
  );
  for (const memberId of memberIds) upsert.run(meeting.id, memberId, now, now);
  conveneItemGuests(ctx, meeting.id);
  if (meeting.state === 'planned') {
    ctx.db.prepare(`UPDATE meetings SET state = 'convened', convened_at = ?, updated_at = ? WHERE id = ?`).run(now, now, meeting.id);
  }
  ctx.audit('meetings.convene', { type: 'meeting', id: meeting.id }, `members=${memberIds.length}`);
  const convened = ctx.db
    .prepare('SELECT count(*) FROM attendances WHERE meeting_id = ? AND convened_at IS NOT NULL')
    .pluck()
    .get(meeting.id);
  return { convened: convened as number };
}

function itemOfMeeting(db: Db, meetingId: number, itemId: number | null): void {
  if (itemId === null) return;
  const found = db.prepare('SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?').get(itemId, meetingId);
  if (!found) throw new AppError('ITEM_NOT_FOUND');
}

export function setAttendance(
  ctx: ServiceContext,
  input: {
    meetingId: number;
    memberId: number;
    status: AttendanceStatus;
    substituteMemberId: number | null;
    arrivalItemId: number | null;
    departureItemId: number | null;
    /** During an open item: the member stays outside for it (their exit is recorded) if out of scope. */
    staysOutside?: boolean | undefined;
  },
): AttendanceView[] {
  const meeting = meetingFor(ctx.db, input.meetingId);
  if (meeting.state === 'planned') throw new AppError('MEETING_NOT_CONVENED');
  getMember(ctx.db, input.memberId);
  if (input.status === 'present') assertGates(ctx, checks.charter(input.memberId));
  if (input.status === 'represented') {
    if (input.substituteMemberId === input.memberId) throw new AppError('SUBSTITUTE_SELF');
    const busy = ctx.db
      .prepare(
        `SELECT 1 FROM attendances WHERE meeting_id = ? AND member_id <> ? AND (member_id = ? OR substitute_member_id = ?) AND status IN ('present', 'represented')`,
      )
      .get(meeting.id, input.memberId, input.substituteMemberId, input.substituteMemberId);
    if (busy) throw new AppError('SUBSTITUTE_BUSY');
    assertGates(ctx, checks.charter(input.substituteMemberId!));
  }
  itemOfMeeting(ctx.db, meeting.id, input.arrivalItemId);
  itemOfMeeting(ctx.db, meeting.id, input.departureItemId);
  const attending = input.status === 'present' || input.status === 'represented';
  keepRoomInScope(ctx, meeting.id, input.staysOutside ?? false, () =>
    ctx.db
      .prepare(
        `INSERT INTO attendances (meeting_id, member_id, scope, status, substitute_member_id, arrival_item_id, departure_item_id, updated_at)
       VALUES (?, ?, 'meeting', ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, substitute_member_id = excluded.substitute_member_id,
         arrival_item_id = excluded.arrival_item_id, departure_item_id = excluded.departure_item_id, updated_at = excluded.updated_at`,
      )
      .run(
        meeting.id,
        input.memberId,
        input.status,
        input.status === 'represented' ? input.substituteMemberId : null,
        attending ? input.arrivalItemId : null,
        attending ? input.departureItemId : null,
        nowIso(ctx.clock),
      ),
  );
  ctx.audit('meetings.attendance', { type: 'meeting', id: meeting.id }, `member=${input.memberId},status=${input.status}`);
  return attendanceOf(ctx.db, meeting.id);
}
