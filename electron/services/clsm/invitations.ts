// Who is invited to a CLSM meeting and who came: structures of the directory (whoever represents
// them), members of the directory, and guests from outside it (élus, associations, people with
// lived experience, citizens), kept once and invited again from one meeting to the next. The
// charter is not required: these bodies discuss no individual situation.
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Civility } from '../../shared/french';
import type { GuestCategory } from '../../shared/clsm-vocabulary';
import type { ServiceContext } from '../context';
import { memberDisplayName } from '../partners/text';
import type { AttendanceInput, GuestInput, InviteInput } from './schema';
import { assertOpen, clsmMeetingDetail, ClsmMeetingDetail, ClsmMeetingRow, invitationRow } from './views';

export interface GuestView {
  id: number;
  civility: Civility;
  firstName: string;
  lastName: string;
  displayName: string;
  organisation: string;
  role: string;
  category: GuestCategory;
  email: string;
  /** Meetings they were invited to. */
  invitations: number;
}

interface GuestRow {
  id: number;
  civility: Civility;
  first_name: string;
  last_name: string;
  organisation: string;
  role: string;
  category: GuestCategory;
  email: string;
  invitations: number;
}

const toGuest = (g: GuestRow): GuestView => ({
  id: g.id,
  civility: g.civility,
  firstName: g.first_name,
  lastName: g.last_name,
  displayName: memberDisplayName({ firstName: g.first_name, lastName: g.last_name }),
  organisation: g.organisation,
  role: g.role,
  category: g.category,
  email: g.email,
  invitations: g.invitations,
});

/** The guests matching a search (name or organisation), at most 50: the list is searched, not scrolled. */
export function listGuests(ctx: ServiceContext, input: { search: string }): GuestView[] {
  const search = `%${input.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = ctx.db
    .prepare(
      `SELECT g.*, (SELECT count(*) FROM clsm_invitations i WHERE i.guest_id = g.id) AS invitations FROM clsm_guests g
       WHERE g.last_name LIKE @s ESCAPE '\\' OR g.first_name LIKE @s ESCAPE '\\' OR g.organisation LIKE @s ESCAPE '\\'
       ORDER BY g.last_name COLLATE NOCASE, g.first_name COLLATE NOCASE LIMIT 50`,
    )
    .all({ s: search }) as GuestRow[];
  return rows.map(toGuest);
}

export function saveGuest(ctx: ServiceContext, input: GuestInput): GuestView {
  const now = nowIso(ctx.clock);
  const values = [input.civility, input.firstName, input.lastName, input.organisation, input.role, input.category, input.email];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      ctx.db
        .prepare(
          `INSERT INTO clsm_guests (civility, first_name, last_name, organisation, role, category, email, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, ctx.actor.userId, now, now).lastInsertRowid,
    );
  } else {
    if (!ctx.db.prepare('SELECT 1 FROM clsm_guests WHERE id = ?').get(id)) throw new AppError('CLSM_GUEST_NOT_FOUND');
    ctx.db
      .prepare(
        `UPDATE clsm_guests SET civility = ?, first_name = ?, last_name = ?, organisation = ?, role = ?, category = ?, email = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(...values, now, id);
  }
  ctx.audit('clsm.saveGuest', { type: 'clsmGuest', id }, `kind=${input.category}${input.id === undefined ? ',created' : ''}`);
  const row = ctx.db
    .prepare(
      'SELECT g.*, (SELECT count(*) FROM clsm_invitations i WHERE i.guest_id = g.id) AS invitations FROM clsm_guests g WHERE g.id = ?',
    )
    .get(id) as GuestRow;
  return toGuest(row);
}

function assertInvitable(row: ClsmMeetingRow): void {
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
}

export function invite(ctx: ServiceContext, input: InviteInput): ClsmMeetingDetail {
  const { db } = ctx;
  assertInvitable(assertOpen(db, input.meetingId));
  const structure = db.prepare('SELECT active FROM structures WHERE id = ?').pluck();
  for (const id of input.structureIds) {
    const active = structure.get(id) as number | undefined;
    if (active === undefined) throw new AppError('STRUCTURE_NOT_FOUND');
    if (active === 0)
      throw new AppError('STRUCTURE_INACTIVE', { message: 'Cette structure est désactivée : elle ne peut pas être invitée.' });
  }
  const member = db.prepare('SELECT active FROM members WHERE id = ?').pluck();
  for (const id of input.memberIds) {
    const active = member.get(id) as number | undefined;
    if (active === undefined) throw new AppError('MEMBER_NOT_FOUND');
    if (active === 0) throw new AppError('MEMBER_INACTIVE');
  }
  const guest = db.prepare('SELECT 1 FROM clsm_guests WHERE id = ?');
  if (input.guestIds.some((id) => !guest.get(id))) throw new AppError('CLSM_GUEST_NOT_FOUND');
  const already = db.prepare(
    'SELECT 1 FROM clsm_invitations WHERE meeting_id = @m AND (structure_id = @s OR member_id = @p OR guest_id = @g)',
  );
  const insert = db.prepare('INSERT INTO clsm_invitations (meeting_id, structure_id, member_id, guest_id) VALUES (@m, @s, @p, @g)');
  const rows = [
    ...[...new Set(input.structureIds)].map((s) => ({ m: input.meetingId, s, p: null, g: null })),
    ...[...new Set(input.memberIds)].map((p) => ({ m: input.meetingId, s: null, p, g: null })),
    ...[...new Set(input.guestIds)].map((g) => ({ m: input.meetingId, s: null, p: null, g })),
  ];
  for (const row of rows) {
    if (already.get(row)) throw new AppError('CLSM_ALREADY_INVITED');
    insert.run(row);
  }
  ctx.audit(
    'clsm.invite',
    { type: 'clsmMeeting', id: input.meetingId },
    `structures=${new Set(input.structureIds).size},members=${new Set(input.memberIds).size},guests=${new Set(input.guestIds).size}`,
  );
  return clsmMeetingDetail(db, input.meetingId);
}

export function uninvite(ctx: ServiceContext, input: { invitationId: number }): ClsmMeetingDetail {
  const invitation = invitationRow(ctx.db, input.invitationId);
  assertOpen(ctx.db, invitation.meetingId);
  ctx.db.prepare('DELETE FROM clsm_invitations WHERE id = ?').run(input.invitationId);
  ctx.audit('clsm.uninvite', { type: 'clsmMeeting', id: invitation.meetingId }, `invitee=${invitation.kind}`);
  return clsmMeetingDetail(ctx.db, invitation.meetingId);
}

/** Excused may be known beforehand; present, represented or absent only from the day of the meeting. */
function assertAttendanceDay(ctx: ServiceContext, row: ClsmMeetingRow, attendance: AttendanceInput['attendance']): void {
  if (['present', 'represented', 'absent'].includes(attendance) && ctx.today < row.held_on)
    throw new AppError('CLSM_ATTENDANCE_BEFORE_DAY');
}

export function recordAttendance(ctx: ServiceContext, input: AttendanceInput): ClsmMeetingDetail {
  const invitation = invitationRow(ctx.db, input.invitationId);
  const row = assertOpen(ctx.db, invitation.meetingId);
  assertInvitable(row);
  assertAttendanceDay(ctx, row, input.attendance);
  ctx.db
    .prepare('UPDATE clsm_invitations SET attendance = ?, represented_by = ? WHERE id = ?')
    .run(input.attendance, input.representedBy, input.invitationId);
  ctx.audit(
    'clsm.attendance',
    { type: 'clsmMeeting', id: invitation.meetingId },
    `invitee=${invitation.kind},attendance=${input.attendance}`,
  );
  return clsmMeetingDetail(ctx.db, invitation.meetingId);
}

/** « Tous présents »: every invitee still without an answer. */
export function allPresent(ctx: ServiceContext, input: { meetingId: number }): ClsmMeetingDetail {
  const row = assertOpen(ctx.db, input.meetingId);
  assertInvitable(row);
  assertAttendanceDay(ctx, row, 'present');
  const changed = ctx.db
    .prepare(`UPDATE clsm_invitations SET attendance = 'present' WHERE meeting_id = ? AND attendance = 'invited'`)
    .run(input.meetingId).changes;
  ctx.audit('clsm.allPresent', { type: 'clsmMeeting', id: input.meetingId }, `count=${changed}`);
  return clsmMeetingDetail(ctx.db, input.meetingId);
}
