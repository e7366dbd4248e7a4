// Drafts of the forms being typed, per user, in the encrypted database: restored when the user comes
// back to the form (after a lock, a reload, a navigation), discarded when the form is saved or the
// user abandons it. A draft is the user's own unsaved typing, so reading or writing it is not an
// event of the audit trail; a draft about a situation is erased with it (G9), and drafts not touched
// for DRAFT_DAYS are dropped when the user's drafts are next read.
import type { Db } from '../../../db/connection';
import { addDays, nowIso, parisDay } from '../../shared/dates';
import type { ServiceContext } from '../context';

export const DRAFT_DAYS = 30;

export interface DraftView {
  key: string;
  /** The form's state as the renderer stored it (JSON). */
  payload: string;
  updatedAt: string;
}

function dropStale(db: Db, userId: number, now: Date): void {
  const limit = addDays(parisDay(now), -DRAFT_DAYS);
  db.prepare('DELETE FROM form_drafts WHERE user_id = ? AND updated_at < ?').run(userId, limit);
}

export function getDraft(ctx: ServiceContext, input: { key: string }): DraftView | null {
  dropStale(ctx.db, ctx.actor.userId, ctx.clock());
  const row = ctx.db
    .prepare('SELECT form_key AS key, payload, updated_at AS updatedAt FROM form_drafts WHERE user_id = ? AND form_key = ?')
    .get(ctx.actor.userId, input.key) as DraftView | undefined;
  return row ?? null;
}

export function saveDraft(ctx: ServiceContext, input: { key: string; situationId: number | null; payload: string }): { savedAt: string } {
  const at = nowIso(ctx.clock);
  // A draft naming a situation that no longer exists (erased meanwhile) is not kept.
  const situationId =
    input.situationId !== null && ctx.db.prepare('SELECT 1 FROM situations WHERE id = ?').get(input.situationId) ? input.situationId : null;
  ctx.db
    .prepare(
      `INSERT INTO form_drafts (user_id, form_key, situation_id, payload, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, form_key) DO UPDATE SET situation_id = excluded.situation_id, payload = excluded.payload, updated_at = excluded.updated_at`,
    )
    .run(ctx.actor.userId, input.key, situationId, input.payload, at);
  return { savedAt: at };
}

export function discardDraft(ctx: ServiceContext, input: { key: string }): { discarded: boolean } {
  const result = ctx.db.prepare('DELETE FROM form_drafts WHERE user_id = ? AND form_key = ?').run(ctx.actor.userId, input.key);
  return { discarded: result.changes > 0 };
}

/** A departing user's drafts go with their account. */
export function dropUserDrafts(db: Db, userId: number): void {
  db.prepare('DELETE FROM form_drafts WHERE user_id = ?').run(userId);
}
