// The common tools the CLSM produced (guides, fiches, procedures): the evaluation counts them
// (seed 000 §4.8.2: « élaboration d'outils communs »).
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ToolKind } from '../../shared/training-vocabulary';
import type { ServiceContext } from '../context';
import type { ToolInput } from './schema';

export interface ToolView {
  id: number;
  kind: ToolKind;
  title: string;
  producedOn: string;
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
