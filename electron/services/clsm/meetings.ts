// The CLSM's own meetings (comité de pilotage, assemblée plénière, comité technique, groupes projet):
// planned with their time, place and agenda, then held, their minutes signed. No individual
// situation is discussed there: no consent gate applies, and the charter is not required to attend.
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ClsmMeetingKind, ClsmMeetingStatus } from '../../shared/training-vocabulary';
import type { ServiceContext } from '../context';
import type { Page } from '../partners/structures';
import type { ClsmMeetingInput, ClsmMeetingPageInput, PointsInput } from './schema';
import { assertOpen, clsmMeetingDetail, ClsmMeetingDetail } from './views';

export interface ClsmMeetingSummary {
  id: number;
  kind: ClsmMeetingKind;
  heldOn: string;
  startsAt: string;
  place: string;
  status: ClsmMeetingStatus;
  subject: string;
  invited: number;
  present: number;
  points: number;
  signed: boolean;
}

/** One page of the meetings, newest first; filtered and paged in SQL. */
export function pageClsmMeetings(ctx: Pick<ServiceContext, 'db'>, input: ClsmMeetingPageInput): Page<ClsmMeetingSummary> {
  const where: string[] = input.includeCancelled ? [] : [`m.status != 'cancelled'`];
  const params: Record<string, string | number> = {};
  if (input.kind) {
    where.push('m.kind = @kind');
    params.kind = input.kind;
  }
  if (input.year) {
    where.push(`m.held_on BETWEEN @from AND @to`);
    params.from = `${input.year}-01-01`;
    params.to = `${input.year}-12-31`;
  }
  const search = input.search?.trim();
  if (search) {
    where.push(`(m.subject LIKE @search ESCAPE '\\' OR m.place LIKE @search ESCAPE '\\')`);
    params.search = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = ctx.db.prepare(`SELECT count(*) FROM clsm_meetings m ${filter}`).pluck().get(params) as number;
  const items = ctx.db
    .prepare(
      `SELECT m.id, m.kind, m.held_on AS heldOn, m.starts_at AS startsAt, m.place, m.status, m.subject,
         (SELECT count(*) FROM clsm_invitations i WHERE i.meeting_id = m.id) AS invited,
         (SELECT count(*) FROM clsm_invitations i WHERE i.meeting_id = m.id AND i.attendance IN ('present', 'represented')) AS present,
         (SELECT count(*) FROM clsm_points p WHERE p.meeting_id = m.id) AS points,
         EXISTS (SELECT 1 FROM clsm_minutes_documents d WHERE d.meeting_id = m.id) AS signed
       FROM clsm_meetings m ${filter} ORDER BY m.held_on DESC, m.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as (Omit<ClsmMeetingSummary, 'signed'> & { signed: number })[];
  return { items: items.map((m) => ({ ...m, signed: m.signed === 1 })), total };
}

export function getClsmMeeting(ctx: ServiceContext, input: { id: number }): ClsmMeetingDetail {
  return clsmMeetingDetail(ctx.db, input.id);
}

export function saveClsmMeeting(ctx: ServiceContext, input: ClsmMeetingInput): ClsmMeetingDetail {
  const { db } = ctx;
  const now = nowIso(ctx.clock);
  const values = [
    input.kind,
    input.heldOn,
    input.startsAt,
    input.endsAt,
    input.place,
    input.status,
    input.subject,
    input.nextMeeting,
    JSON.stringify(input.attachedDocuments),
  ];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO clsm_meetings (kind, held_on, starts_at, ends_at, place, status, subject, next_meeting, attached_documents,
             created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, ctx.actor.userId, now, now).lastInsertRowid,
    );
  } else {
    assertOpen(db, id);
    db.prepare(
      `UPDATE clsm_meetings SET kind = ?, held_on = ?, starts_at = ?, ends_at = ?, place = ?, status = ?, subject = ?, next_meeting = ?,
         attached_documents = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
  }
  ctx.audit(
    'clsm.saveMeeting',
    { type: 'clsmMeeting', id },
    `kind=${input.kind},status=${input.status},day=${input.heldOn}${input.id === undefined ? ',created' : ''}`,
  );
  return clsmMeetingDetail(db, id);
}

/** Only a meeting nothing hangs on is deleted; otherwise it is cancelled. */
export function removeClsmMeeting(ctx: ServiceContext, input: { id: number }): { removed: true } {
  const { db } = ctx;
  assertOpen(db, input.id);
  const records = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM clsm_invitations WHERE meeting_id = @id) OR EXISTS (SELECT 1 FROM clsm_points WHERE meeting_id = @id)
         OR EXISTS (SELECT 1 FROM clsm_plan_reviews WHERE meeting_id = @id)`,
    )
    .pluck()
    .get({ id: input.id });
  if (records === 1) throw new AppError('CLSM_MEETING_HAS_RECORDS');
  db.prepare('DELETE FROM clsm_meetings WHERE id = ?').run(input.id);
  ctx.audit('clsm.removeMeeting', { type: 'clsmMeeting', id: input.id });
  return { removed: true };
}

/**
 * The agenda as a whole, in its order: points kept by id keep their minutes' text, new ones are
 * added, those left out are removed (their text with them: the page asks before dropping text).
 */
export function saveClsmPoints(ctx: ServiceContext, input: PointsInput): ClsmMeetingDetail {
  const { db } = ctx;
  const row = assertOpen(db, input.meetingId);
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
  const existing = new Set(db.prepare('SELECT id FROM clsm_points WHERE meeting_id = ?').pluck().all(input.meetingId) as number[]);
  const kept = new Set<number>();
  for (const point of input.points) {
    if (point.id === undefined) continue;
    if (!existing.has(point.id) || kept.has(point.id)) throw new AppError('CLSM_POINT_NOT_FOUND');
    kept.add(point.id);
  }
  for (const id of existing) if (!kept.has(id)) db.prepare('DELETE FROM clsm_points WHERE id = ?').run(id);
  input.points.forEach((point, index) => {
    if (point.id === undefined)
      db.prepare('INSERT INTO clsm_points (meeting_id, position, title, presenter) VALUES (?, ?, ?, ?)').run(
        input.meetingId,
        index + 1,
        point.title,
        point.presenter,
      );
    else
      db.prepare('UPDATE clsm_points SET position = ?, title = ?, presenter = ? WHERE id = ?').run(
        index + 1,
        point.title,
        point.presenter,
        point.id,
      );
  });
  db.prepare('UPDATE clsm_meetings SET updated_at = ? WHERE id = ?').run(nowIso(ctx.clock), input.meetingId);
  ctx.audit(
    'clsm.savePoints',
    { type: 'clsmMeeting', id: input.meetingId },
    `points=${input.points.length},points_removed=${existing.size - kept.size}`,
  );
  return clsmMeetingDetail(db, input.meetingId);
}
