// Actions decided for an item and their follow-up: who does what by when, the proposals returned
// to the person with their agreement (G10: an action counts as started only then), and the review
// of each action — done, not possible because circumstances changed, or not done by its owner.
// An action's owner passes the disclosure gate (action-owners.ts); after the meeting, an action is
// reassigned with its reason, recorded, and the extracts and the follow-up say so.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { addDays, addMonths, nowIso } from '../../shared/dates';
import { ActionAgreement, ActionOutcome, ActionStage, DUE_SOON_DAYS, PersonAgreement } from '../../shared/meeting-vocabulary';
import type { ServiceContext } from '../context';
import { assertGates } from '../gates';
import { ActionOwner, ownerCheck } from './action-owners';
import { scopeCheck } from './room';
import { agreementGate } from '../gates/g10-person';
import { getMember } from '../partners/members';
import { getStructure } from '../partners/structures';
import { memberDisplayName } from '../partners/text';
import { readSetting } from '../settings/settings';
import { assertNoPersonName } from '../situations/shared-text';
import { itemRow } from './agenda';
import { auditListView } from '../audit/views';
import { personWordingDraft } from '../../shared/person-wording';
import type { ActionInput } from './schema';

export interface ActionView {
  id: number;
  itemId: number;
  meetingId: number;
  meetingDay: string;
  situationId: number;
  code: string;
  what: string;
  /** The same action in words for the person, printed in the letter to them. */
  personWording: string;
  owner: { kind: 'member' | 'structure'; id: number; name: string; structureId: number; structureName: string };
  dueOn: string;
  stage: ActionStage;
  outcome: ActionOutcome | null;
  reviewedOn: string | null;
  reviewNote: string | null;
  returnedOn: string | null;
  agreement: ActionAgreement | null;
  /** The latest reassignment after the meeting: when and why (the owner above is the new one). */
  reassigned: { on: string; reason: string } | null;
}

export interface ActionRow {
  id: number;
  item_id: number;
  meeting_id: number;
  held_on: string;
  situation_id: number;
  code: string;
  what: string;
  person_wording: string;
  owner_member_id: number | null;
  owner_structure_id: number | null;
  member_first: string | null;
  member_last: string | null;
  owner_structure_name: string;
  owner_structure: number;
  due_on: string;
  outcome: ActionOutcome | null;
  reviewed_on: string | null;
  review_note: string | null;
  returned_on: string | null;
  /** The person's answer to this proposal (accepting some and refusing others is their right). */
  person_agreement: ActionAgreement | null;
  reassignment: string | null;
}

export const ACTION_SELECT = `
  SELECT a.*, i.meeting_id, m.held_on, i.situation_id, s.code, om.first_name AS member_first, om.last_name AS member_last,
    os.id AS owner_structure, os.name AS owner_structure_name, d.returned_on,
    (SELECT json_object('on', r.reassigned_on, 'reason', r.reason) FROM action_reassignments r WHERE r.action_id = a.id ORDER BY r.id DESC LIMIT 1) AS reassignment
  FROM actions a JOIN agenda_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id JOIN situations s ON s.id = i.situation_id
  LEFT JOIN deliberations d ON d.item_id = a.item_id
  LEFT JOIN members om ON om.id = a.owner_member_id
  JOIN structures os ON os.id = coalesce(a.owner_structure_id, om.structure_id)`;

/** Reviewed actions show their outcome; open ones their urgency first, then the person's answer. */
export function actionStage(
  action: { outcome: ActionOutcome | null; dueOn: string; agreement: ActionAgreement | null },
  today: string,
  soon: string = dueSoonLimit(today),
): ActionStage {
  if (action.outcome !== null) return action.outcome;
  if (action.agreement === 'refused') return 'refused';
  if (action.dueOn < today) return 'overdue';
  if (action.dueOn <= soon) return 'due_soon';
  return action.agreement === 'agreed' ? 'started' : 'awaiting_agreement';
}

/** The last day an open action is « due soon »: computed once per list, not per row. */
export const dueSoonLimit = (today: string): string => addDays(today, DUE_SOON_DAYS);

export function toView(row: ActionRow, today: string, soon: string = dueSoonLimit(today)): ActionView {
  const ownerName =
    row.owner_member_id === null
      ? row.owner_structure_name
      : memberDisplayName({ firstName: row.member_first!, lastName: row.member_last! });
  return {
    id: row.id,
    itemId: row.item_id,
    meetingId: row.meeting_id,
    meetingDay: row.held_on,
    situationId: row.situation_id,
    code: row.code,
    what: row.what,
    personWording: row.person_wording,
    owner: {
      kind: row.owner_member_id === null ? 'structure' : 'member',
      id: row.owner_member_id ?? row.owner_structure,
      name: ownerName,
      structureId: row.owner_structure,
      structureName: row.owner_structure_name,
    },
    dueOn: row.due_on,
    stage: actionStage({ outcome: row.outcome, dueOn: row.due_on, agreement: row.person_agreement }, today, soon),
    outcome: row.outcome,
    reviewedOn: row.reviewed_on,
    reviewNote: row.review_note,
    returnedOn: row.returned_on,
    agreement: row.person_agreement,
    reassigned: row.reassignment ? (JSON.parse(row.reassignment) as { on: string; reason: string }) : null,
  };
}

export function actionsOfItem(ctx: Pick<ServiceContext, 'db' | 'today'>, itemId: number): ActionView[] {
  return (ctx.db.prepare(`${ACTION_SELECT} WHERE a.item_id = ? ORDER BY a.id`).all(itemId) as ActionRow[]).map((r) => toView(r, ctx.today));
}

function actionRow(db: Db, actionId: number): ActionRow {
  const row = db.prepare(`${ACTION_SELECT} WHERE a.id = ?`).get(actionId) as ActionRow | undefined;
  if (!row) throw new AppError('ACTION_NOT_FOUND');
  return row;
}

export function addAction(ctx: ServiceContext, input: ActionInput): ActionView[] {
  const item = itemRow(ctx.db, input.itemId);
  if (item.meeting_state === 'minutes_signed') throw new AppError('MINUTES_SIGNED');
  if (item.status !== 'opened' && item.status !== 'deliberated') throw new AppError('ITEM_NOT_OPEN');
  if (input.dueOn < item.held_on) throw new AppError('ACTION_DUE_BEFORE_MEETING');
  assertNoPersonName(ctx.db, [item.situation_id], { what: input.what });
  const gated = { situationId: item.situation_id, itemId: item.id };
  assertGates(ctx, ownerCheck(gated, input.owner, ctx.today), ...(item.status === 'opened' ? [scopeCheck(item.id)] : []));
  if (input.owner.kind === 'member') getMember(ctx.db, input.owner.id);
  else getStructure(ctx.db, input.owner.id);
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO actions (item_id, what, person_wording, owner_member_id, owner_structure_id, due_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        item.id,
        input.what,
        personWordingDraft(input.what),
        input.owner.kind === 'member' ? input.owner.id : null,
        input.owner.kind === 'structure' ? input.owner.id : null,
        input.dueOn,
        ctx.actor.userId,
        nowIso(ctx.clock),
      ).lastInsertRowid,
  );
  ctx.audit('actions.add', { type: 'situation', id: item.situation_id }, `situation=${item.code},action=${id}`);
  return actionsOfItem(ctx, item.id);
}

/** A mistyped action goes while the meeting is not yet held; afterwards it is part of the record. */
export function removeAction(ctx: ServiceContext, input: { actionId: number }): ActionView[] {
  const row = actionRow(ctx.db, input.actionId);
  const { meeting_state: state } = itemRow(ctx.db, row.item_id);
  if (state !== 'convened') throw new AppError('MEETING_HELD');
  ctx.db.prepare('DELETE FROM actions WHERE id = ?').run(row.id);
  ctx.audit('actions.remove', { type: 'situation', id: row.situation_id }, `situation=${row.code},action=${row.id}`);
  return actionsOfItem(ctx, row.item_id);
}

/**
 * After the meeting, an action goes to another owner — who passes the gate today — with its reason;
 * the reassignment is kept (who, when, why) and the next extract and the follow-up show it.
 */
export function reassignAction(ctx: ServiceContext, input: { actionId: number; owner: ActionOwner; reason: string }): ActionView[] {
  const row = actionRow(ctx.db, input.actionId);
  const { meeting_state: state } = itemRow(ctx.db, row.item_id);
  if (state !== 'held' && state !== 'minutes_signed') throw new AppError('ACTION_REASSIGN_BEFORE_HELD');
  if (row.outcome !== null) throw new AppError('ACTION_REVIEWED');
  const current: ActionOwner =
    row.owner_member_id === null ? { kind: 'structure', id: row.owner_structure_id! } : { kind: 'member', id: row.owner_member_id };
  if (current.kind === input.owner.kind && current.id === input.owner.id) throw new AppError('ACTION_SAME_OWNER');
  assertGates(ctx, ownerCheck({ situationId: row.situation_id, itemId: row.item_id }, input.owner, ctx.today));
  assertNoPersonName(ctx.db, [row.situation_id], { reason: input.reason });
  const member = (o: ActionOwner) => (o.kind === 'member' ? o.id : null);
  const structure = (o: ActionOwner) => (o.kind === 'structure' ? o.id : null);
  ctx.db
    .prepare(
      `INSERT INTO action_reassignments (action_id, from_member_id, from_structure_id, to_member_id, to_structure_id, reason, reassigned_on, reassigned_by, reassigned_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      member(current),
      structure(current),
      member(input.owner),
      structure(input.owner),
      input.reason,
      ctx.today,
      ctx.actor.userId,
      nowIso(ctx.clock),
    );
  ctx.db
    .prepare('UPDATE actions SET owner_member_id = ?, owner_structure_id = ? WHERE id = ?')
    .run(member(input.owner), structure(input.owner), row.id);
  ctx.audit(
    'actions.reassign',
    { type: 'situation', id: row.situation_id },
    `situation=${row.code},action=${row.id},to=${input.owner.kind}:${input.owner.id}`,
  );
  return actionsOfItem(ctx, row.item_id);
}

/**
 * The action in words for the person (the letter prints it instead of the professional wording).
 * It names no one else and, like every text of the record, no person examined by name.
 */
export function setPersonWording(ctx: ServiceContext, input: { actionId: number; wording: string }): ActionView[] {
  const row = actionRow(ctx.db, input.actionId);
  assertNoPersonName(ctx.db, [row.situation_id], { wording: input.wording });
  ctx.db.prepare('UPDATE actions SET person_wording = ? WHERE id = ?').run(input.wording, row.id);
  ctx.audit('actions.personWording', { type: 'situation', id: row.situation_id }, `situation=${row.code},action=${row.id}`);
  return actionsOfItem(ctx, row.item_id);
}

/**
 * G10: the proposals were returned to the person, who answers each one — accepted, refused, or to be
 * discussed again — or all at once. The item keeps the day of the return, and « agreed » as soon as
 * one proposal is accepted.
 */
export function recordReturn(
  ctx: ServiceContext,
  input: {
    itemId: number;
    returnedOn: string;
    agreement?: PersonAgreement | undefined;
    actions?: { actionId: number; agreement: ActionAgreement }[] | undefined;
  },
): ActionView[] {
  const item = itemRow(ctx.db, input.itemId);
  if (item.status !== 'deliberated') throw new AppError('ITEM_NOT_CONCLUDED');
  if (input.returnedOn < item.held_on) throw new AppError('RETURN_BEFORE_MEETING');
  const ids = ctx.db.prepare('SELECT id FROM actions WHERE item_id = ? ORDER BY id').pluck().all(item.id) as number[];
  const answers = new Map(input.actions?.map((a) => [a.actionId, a.agreement]) ?? ids.map((id) => [id, input.agreement!]));
  if (input.actions && (answers.size !== ids.length || ids.some((id) => !answers.has(id)))) throw new AppError('RETURN_INCOMPLETE');
  const itemAgreement: PersonAgreement = input.agreement ?? ([...answers.values()].includes('agreed') ? 'agreed' : 'refused');
  const now = nowIso(ctx.clock);
  ctx.db
    .prepare('UPDATE deliberations SET returned_on = ?, person_agreement = ?, updated_at = ? WHERE item_id = ?')
    .run(input.returnedOn, itemAgreement, now, item.id);
  const setAnswer = ctx.db.prepare('UPDATE actions SET person_agreement = ? WHERE id = ?');
  for (const [actionId, agreement] of answers) setAnswer.run(agreement, actionId);
  const counts = (['agreed', 'refused', 'discuss'] as const)
    .map((a) => [a, [...answers.values()].filter((v) => v === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${a}=${n}`);
  ctx.audit('actions.returnToPerson', { type: 'situation', id: item.situation_id }, [`situation=${item.code}`, ...counts].join(','));
  return actionsOfItem(ctx, item.id);
}

export function reviewAction(
  ctx: ServiceContext,
  input: { actionId: number; outcome: ActionOutcome; reviewedOn: string; note: string },
): ActionView[] {
  const row = actionRow(ctx.db, input.actionId);
  if (input.reviewedOn < row.held_on) throw new AppError('REVIEW_BEFORE_MEETING');
  // Done or not done by its owner presumes the action started, which needs the person's agreement.
  if (input.outcome !== 'not_possible') {
    const facts = { situation: { id: row.situation_id, code: row.code }, returnedOn: row.returned_on, agreement: row.person_agreement };
    assertGates(ctx, () => agreementGate(facts));
  }
  ctx.db
    .prepare('UPDATE actions SET outcome = ?, reviewed_on = ?, review_note = ? WHERE id = ?')
    .run(input.outcome, input.reviewedOn, input.note || null, row.id);
  ctx.audit(
    'actions.review',
    { type: 'situation', id: row.situation_id },
    `situation=${row.code},action=${row.id},outcome=${input.outcome}`,
  );
  return actionsOfItem(ctx, row.item_id);
}

/** The follow-up board: every action, filtered by the owner's structure or by situation. */
export function actionsBoard(
  ctx: ServiceContext,
  input: { structureId?: number | undefined; situationId?: number | undefined },
): ActionView[] {
  const rows = ctx.db
    .prepare(`${ACTION_SELECT} WHERE (? IS NULL OR os.id = ?) AND (? IS NULL OR i.situation_id = ?) ORDER BY a.due_on, a.id`)
    .all(input.structureId ?? null, input.structureId ?? null, input.situationId ?? null, input.situationId ?? null) as ActionRow[];
  auditListView(ctx, 'actions.board');
  const soon = dueSoonLimit(ctx.today);
  return rows.map((r) => toView(r, ctx.today, soon));
}

export interface StaleFollowUp {
  situationId: number;
  code: string;
  structureName: string;
  lastReview: string;
}

/**
 * Situations in follow-up whose last review — the meeting that examined them, the return to the
 * person, an action's review, entering follow-up — is older than the configured period (6 months by
 * default): the longest waiting first, `limit` of them, and how many in all. The last review is a
 * column kept by SQLite (migration 018), so this is an index range.
 */
export function staleFollowUps(ctx: Pick<ServiceContext, 'db' | 'today'>, limit: number): { rows: StaleFollowUp[]; count: number } {
  const months = readSetting(ctx.db, 'followUpReviewMonths') ?? 6;
  const before = addMonths(ctx.today, -months);
  const rows = ctx.db
    .prepare(
      `SELECT s.id AS situationId, s.code, st.name AS structureName, s.last_review_on AS lastReview
       FROM situations s JOIN structures st ON st.id = s.referring_structure_id
       WHERE s.state = 'follow_up' AND s.last_review_on < ? ORDER BY s.last_review_on, s.id LIMIT ?`,
    )
    .all(before, limit) as StaleFollowUp[];
  const count = ctx.db
    .prepare(`SELECT count(*) FROM situations WHERE state = 'follow_up' AND last_review_on < ?`)
    .pluck()
    .get(before) as number;
  return { rows, count };
}
