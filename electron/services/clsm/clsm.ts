// The CLSM's other meetings (comités, plénière, groupe projet) with the structures that took part,
// and the common tools it produced: the process indicators of the evaluation count them.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ClsmMeetingKind, ClsmMeetingStatus, ToolKind } from '../../shared/training-vocabulary';
import type { ServiceContext } from '../context';
import type { ClsmMeetingInput, ToolInput } from './schema';

export interface ClsmMeetingView {
  id: number;
  kind: ClsmMeetingKind;
  heldOn: string;
  status: ClsmMeetingStatus;
  subject: string;
  structures: { id: number; name: string }[];
}

export interface ToolView {
  id: number;
  kind: ToolKind;
  title: string;
  producedOn: string;
}

interface MeetingRow {
  id: number;
  kind: ClsmMeetingKind;
  held_on: string;
  status: ClsmMeetingStatus;
  subject: string;
}

export function listClsmMeetings(ctx: Pick<ServiceContext, 'db'>): ClsmMeetingView[] {
  const rows = ctx.db.prepare('SELECT * FROM clsm_meetings ORDER BY held_on DESC, id DESC').all() as MeetingRow[];
  const structures = ctx.db.prepare(
    `SELECT s.id, s.name FROM clsm_meeting_structures ms JOIN structures s ON s.id = ms.structure_id WHERE ms.meeting_id = ? ORDER BY s.name COLLATE NOCASE`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    heldOn: r.held_on,
    status: r.status,
    subject: r.subject,
    structures: structures.all(r.id) as { id: number; name: string }[],
  }));
}

function assertMeeting(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM clsm_meetings WHERE id = ?').get(id)) throw new AppError('CLSM_MEETING_NOT_FOUND');
}

export function saveClsmMeeting(ctx: ServiceContext, input: ClsmMeetingInput): ClsmMeetingView[] {
  const { db } = ctx;
  const structureIds = [...new Set(input.structureIds)];
  const known = db.prepare('SELECT 1 FROM structures WHERE id = ?');
  if (structureIds.some((id) => !known.get(id))) throw new AppError('STRUCTURE_NOT_FOUND');
  const now = nowIso(ctx.clock);
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO clsm_meetings (kind, held_on, status, subject, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.kind, input.heldOn, input.status, input.subject, ctx.actor.userId, now, now).lastInsertRowid,
    );
  } else {
    assertMeeting(db, id);
    db.prepare('UPDATE clsm_meetings SET kind = ?, held_on = ?, status = ?, subject = ?, updated_at = ? WHERE id = ?').run(
      input.kind,
      input.heldOn,
      input.status,
      input.subject,
      now,
      id,
    );
    db.prepare('DELETE FROM clsm_meeting_structures WHERE meeting_id = ?').run(id);
  }
  const link = db.prepare('INSERT INTO clsm_meeting_structures (meeting_id, structure_id) VALUES (?, ?)');
  for (const structureId of structureIds) link.run(id, structureId);
  ctx.audit('clsm.saveMeeting', { type: 'clsmMeeting', id }, `kind=${input.kind},status=${input.status},structures=${structureIds.length}`);
  return listClsmMeetings(ctx);
}

export function removeClsmMeeting(ctx: ServiceContext, input: { id: number }): ClsmMeetingView[] {
  assertMeeting(ctx.db, input.id);
  ctx.db.prepare('DELETE FROM clsm_meetings WHERE id = ?').run(input.id);
  ctx.audit('clsm.removeMeeting', { type: 'clsmMeeting', id: input.id });
  return listClsmMeetings(ctx);
}

export function listTools(ctx: Pick<ServiceContext, 'db'>): ToolView[] {
  const rows = ctx.db.prepare('SELECT id, kind, title, produced_on FROM common_tools ORDER BY produced_on DESC, id DESC').all() as {
    id: number;
    kind: ToolKind;
    title: string;
    produced_on: string;
  }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, producedOn: r.produced_on }));
}

export function saveTool(ctx: ServiceContext, input: ToolInput): ToolView[] {
  const now = nowIso(ctx.clock);
  let id = input.id;
  if (id === undefined) {
    id = Number(
      ctx.db
        .prepare('INSERT INTO common_tools (kind, title, produced_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.kind, input.title, input.producedOn, ctx.actor.userId, now, now).lastInsertRowid,
    );
  } else {
    if (!ctx.db.prepare('SELECT 1 FROM common_tools WHERE id = ?').get(id)) throw new AppError('TOOL_NOT_FOUND');
    ctx.db
      .prepare('UPDATE common_tools SET kind = ?, title = ?, produced_on = ?, updated_at = ? WHERE id = ?')
      .run(input.kind, input.title, input.producedOn, now, id);
  }
  ctx.audit('clsm.saveTool', { type: 'commonTool', id }, `kind=${input.kind}`);
  return listTools(ctx);
}

export function removeTool(ctx: ServiceContext, input: { id: number }): ToolView[] {
  if (!ctx.db.prepare('SELECT 1 FROM common_tools WHERE id = ?').get(input.id)) throw new AppError('TOOL_NOT_FOUND');
  ctx.db.prepare('DELETE FROM common_tools WHERE id = ?').run(input.id);
  ctx.audit('clsm.removeTool', { type: 'commonTool', id: input.id });
  return listTools(ctx);
}
