// The CLSM's action plan (seed 001: « nombre d'actions réalisées par rapport au prévisionnel »):
// actions by axis (seed 004's three to begin with, configurable), each with its pilot structure,
// its dates and its status, and the meetings that decided or reviewed it. A comité de pilotage's
// minutes list the actions it reviewed.
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { PlanReviewRole, PlanStatus } from '../../shared/clsm-vocabulary';
import type { ClsmMeetingKind } from '../../shared/training-vocabulary';
import type { ServiceContext } from '../context';
import type { AxisInput, PlanActionInput, PlanFilters, ReviewsInput } from './schema';
import { assertOpen, clsmMeetingDetail, ClsmMeetingDetail } from './views';

export interface AxisView {
  id: number;
  title: string;
  position: number;
  archived: boolean;
  actions: number;
}

export interface PlanActionView {
  id: number;
  axisId: number;
  axis: string;
  title: string;
  description: string;
  pilotStructureId: number | null;
  pilot: string | null;
  startsOn: string;
  dueOn: string;
  status: PlanStatus;
  finishedOn: string | null;
  meetings: { meetingId: number; kind: ClsmMeetingKind; heldOn: string; role: PlanReviewRole }[];
  /** In a signed record: it can no longer be deleted. */
  inSignedMinutes: boolean;
}

export interface PlanView {
  axes: AxisView[];
  actions: PlanActionView[];
}

interface ActionRow {
  id: number;
  axis_id: number;
  axis: string;
  title: string;
  description: string;
  pilot_structure_id: number | null;
  pilot: string | null;
  starts_on: string;
  due_on: string;
  status: PlanStatus;
  finished_on: string | null;
}

export function listAxes(ctx: Pick<ServiceContext, 'db'>): AxisView[] {
  return (
    ctx.db
      .prepare(
        `SELECT x.id, x.title, x.position, x.archived, (SELECT count(*) FROM clsm_plan_actions a WHERE a.axis_id = x.id) AS actions
         FROM clsm_plan_axes x ORDER BY x.position, x.id`,
      )
      .all() as (Omit<AxisView, 'archived'> & { archived: number })[]
  ).map((x) => ({ ...x, archived: x.archived === 1 }));
}

export function getPlan(ctx: Pick<ServiceContext, 'db'>, input: PlanFilters): PlanView {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (input.axisId) {
    where.push('a.axis_id = @axis');
    params.axis = input.axisId;
  }
  if (input.status) {
    where.push('a.status = @status');
    params.status = input.status;
  }
  const search = input.search?.trim();
  if (search) {
    where.push(`(a.title LIKE @search ESCAPE '\\' OR s.name LIKE @search ESCAPE '\\')`);
    params.search = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const rows = ctx.db
    .prepare(
      `SELECT a.*, x.title AS axis, s.name AS pilot FROM clsm_plan_actions a JOIN clsm_plan_axes x ON x.id = a.axis_id
         LEFT JOIN structures s ON s.id = a.pilot_structure_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY x.position, a.due_on, a.title COLLATE NOCASE`,
    )
    .all(params) as ActionRow[];
  const meetings = ctx.db.prepare(
    `SELECT r.meeting_id AS meetingId, m.kind, m.held_on AS heldOn, r.role,
       EXISTS (SELECT 1 FROM clsm_minutes_documents d WHERE d.meeting_id = m.id) AS signed
     FROM clsm_plan_reviews r JOIN clsm_meetings m ON m.id = r.meeting_id WHERE r.action_id = ? ORDER BY m.held_on`,
  );
  return {
    axes: listAxes(ctx),
    actions: rows.map((a) => {
      const linked = meetings.all(a.id) as (PlanActionView['meetings'][number] & { signed: number })[];
      return {
        id: a.id,
        axisId: a.axis_id,
        axis: a.axis,
        title: a.title,
        description: a.description,
        pilotStructureId: a.pilot_structure_id,
        pilot: a.pilot,
        startsOn: a.starts_on,
        dueOn: a.due_on,
        status: a.status,
        finishedOn: a.finished_on,
        meetings: linked.map(({ meetingId, kind, heldOn, role }) => ({ meetingId, kind, heldOn, role })),
        inSignedMinutes: linked.some((m) => m.signed === 1),
      };
    }),
  };
}

export function saveAxis(ctx: ServiceContext, input: AxisInput): PlanView {
  const now = nowIso(ctx.clock);
  let id = input.id;
  if (id === undefined) {
    const position = (ctx.db.prepare('SELECT COALESCE(max(position), 0) + 1 FROM clsm_plan_axes').pluck().get() as number) ?? 1;
    id = Number(
      ctx.db
        .prepare('INSERT INTO clsm_plan_axes (title, position, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.title, position, input.archived ? 1 : 0, now, now).lastInsertRowid,
    );
  } else {
    if (!ctx.db.prepare('SELECT 1 FROM clsm_plan_axes WHERE id = ?').get(id)) throw new AppError('PLAN_AXIS_NOT_FOUND');
    ctx.db
      .prepare('UPDATE clsm_plan_axes SET title = ?, archived = ?, updated_at = ? WHERE id = ?')
      .run(input.title, input.archived ? 1 : 0, now, id);
  }
  ctx.audit('clsm.saveAxis', { type: 'planAxis', id }, input.archived ? 'archived' : input.id === undefined ? 'created' : 'updated');
  return getPlan(ctx, {});
}

export function savePlanAction(ctx: ServiceContext, input: PlanActionInput): PlanView {
  const { db } = ctx;
  const axis = db.prepare('SELECT archived FROM clsm_plan_axes WHERE id = ?').pluck().get(input.axisId) as number | undefined;
  if (axis === undefined) throw new AppError('PLAN_AXIS_NOT_FOUND');
  if (input.pilotStructureId !== null && !db.prepare('SELECT 1 FROM structures WHERE id = ?').get(input.pilotStructureId))
    throw new AppError('STRUCTURE_NOT_FOUND');
  const now = nowIso(ctx.clock);
  const values = [
    input.axisId,
    input.title,
    input.description,
    input.pilotStructureId,
    input.startsOn,
    input.dueOn,
    input.status,
    input.finishedOn,
  ];
  let id = input.id;
  if (id === undefined) {
    // A new action goes under a current axis; an existing one may stay under the axis it was planned in.
    if (axis === 1) throw new AppError('PLAN_AXIS_ARCHIVED');
    id = Number(
      db
        .prepare(
          `INSERT INTO clsm_plan_actions (axis_id, title, description, pilot_structure_id, starts_on, due_on, status, finished_on,
             created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, ctx.actor.userId, now, now).lastInsertRowid,
    );
  } else {
    const current = db.prepare('SELECT axis_id FROM clsm_plan_actions WHERE id = ?').pluck().get(id) as number | undefined;
    if (current === undefined) throw new AppError('PLAN_ACTION_NOT_FOUND');
    if (axis === 1 && current !== input.axisId) throw new AppError('PLAN_AXIS_ARCHIVED');
    db.prepare(
      `UPDATE clsm_plan_actions SET axis_id = ?, title = ?, description = ?, pilot_structure_id = ?, starts_on = ?, due_on = ?, status = ?,
         finished_on = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
  }
  ctx.audit('clsm.saveAction', { type: 'planAction', id }, `status=${input.status}${input.id === undefined ? ',created' : ''}`);
  return getPlan(ctx, {});
}

export function removePlanAction(ctx: ServiceContext, input: { id: number }): PlanView {
  const { db } = ctx;
  if (!db.prepare('SELECT 1 FROM clsm_plan_actions WHERE id = ?').get(input.id)) throw new AppError('PLAN_ACTION_NOT_FOUND');
  const signed = db
    .prepare(`SELECT 1 FROM clsm_plan_reviews r JOIN clsm_minutes_documents d ON d.meeting_id = r.meeting_id WHERE r.action_id = ? LIMIT 1`)
    .get(input.id);
  if (signed) throw new AppError('PLAN_ACTION_IN_SIGNED_MINUTES');
  db.prepare('DELETE FROM clsm_plan_actions WHERE id = ?').run(input.id);
  ctx.audit('clsm.removeAction', { type: 'planAction', id: input.id });
  return getPlan(ctx, {});
}

/** The actions this meeting decided or reviewed, as a whole (before its minutes are signed). */
export function saveReviews(ctx: ServiceContext, input: ReviewsInput): ClsmMeetingDetail {
  const { db } = ctx;
  assertOpen(db, input.meetingId);
  const known = db.prepare('SELECT 1 FROM clsm_plan_actions WHERE id = ?');
  const actions = new Map(input.reviews.map((r) => [r.actionId, r.role]));
  for (const actionId of actions.keys()) if (!known.get(actionId)) throw new AppError('PLAN_ACTION_NOT_FOUND');
  db.prepare('DELETE FROM clsm_plan_reviews WHERE meeting_id = ?').run(input.meetingId);
  const insert = db.prepare('INSERT INTO clsm_plan_reviews (action_id, meeting_id, role) VALUES (?, ?, ?)');
  for (const [actionId, role] of actions) insert.run(actionId, input.meetingId, role);
  ctx.audit('clsm.saveReviews', { type: 'clsmMeeting', id: input.meetingId }, `count=${actions.size}`);
  return clsmMeetingDetail(db, input.meetingId);
}
