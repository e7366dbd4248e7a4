// The session, item by item. Before an item is opened, G1/G2/G4 are checked for the meeting's day,
// every convened member's attendance must be settled, and G5 holds against the members in the room
// (room.ts); a member who must leave is recorded as having left for that item (the minutes will say
// so), or the item is postponed. G5 holds while the item is open: no deliberation or conclusion
// with an out-of-scope member in the room. The deliberation
// is written during the item and concluded with the situation's next step: follow-up or closing.
import { auditView } from '../audit/views';
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ItemOutcome, PersonAgreement } from '../../shared/meeting-vocabulary';
import type { ClosureReason } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import type { PresentMember } from '../gates/g5-scope';
import { GateReason, reasonToken } from '../../shared/gate-reason';
import { memberDisplayName } from '../partners/text';
import { readSetting } from '../settings/settings';
import { closeWith, moveSituation } from '../situations/lifecycle';
import { assertNoPersonName } from '../situations/shared-text';
import { actionsOfItem, ActionView } from './actions';
import { itemRow, itemView, AgendaItemView, returnFromAgenda } from './agenda';
import { meetingRow } from './meetings';
import { attendanceSettledCheck, scopeCheck, scopeOf } from './room';

export interface DeliberationView {
  synthesis: string;
  hypotheses: string;
  responseTypology: string[];
  proposals: string;
  outcome: ItemOutcome | null;
  reexamineOn: string | null;
  returnedOn: string | null;
  personAgreement: PersonAgreement | null;
}

export interface ItemSession {
  item: AgendaItemView;
  meeting: { id: number; heldOn: string; state: string };
  /** « Point 2 sur 5 »: the other items are not shown (a projector may be on). */
  ordinal: { position: number; total: number };
  /** The neighbouring items' ids, for moving through the session (no content). */
  previousItemId: number | null;
  nextItemId: number | null;
  present: PresentMember[];
  /** G5 now: attendance still to record, and who in the room must leave (before or during the item). */
  scopeReasons: GateReason[];
  exits: { memberId: number; displayName: string; structureName: string; reasons: GateReason[] }[];
  deliberation: DeliberationView | null;
  actions: ActionView[];
  /** The response typology offered (a setting). */
  responseTypologies: string[];
}

function deliberationOf(db: Db, itemId: number): DeliberationView | null {
  const row = db.prepare('SELECT * FROM deliberations WHERE item_id = ?').get(itemId) as
    | {
        synthesis: string;
        hypotheses: string;
        response_typology: string;
        proposals: string;
        outcome: ItemOutcome | null;
        reexamine_on: string | null;
        returned_on: string | null;
        person_agreement: PersonAgreement | null;
      }
    | undefined;
  return row
    ? {
        synthesis: row.synthesis,
        hypotheses: row.hypotheses,
        responseTypology: JSON.parse(row.response_typology) as string[],
        proposals: row.proposals,
        outcome: row.outcome,
        reexamineOn: row.reexamine_on,
        returnedOn: row.returned_on,
        personAgreement: row.person_agreement,
      }
    : null;
}

/** The item as the session screen shows it, audited as a view of the situation. */
export function itemSession(ctx: ServiceContext, input: { itemId: number }): ItemSession {
  const session = sessionOf(ctx, input.itemId);
  auditView(
    ctx,
    'meetings.viewItem',
    { type: 'situation', id: session.item.situationId },
    `situation=${session.item.code},meeting=${session.meeting.id}`,
  );
  return session;
}

/** The same, unaudited: for the session's own answers and the minutes. */
export function sessionOf(ctx: ServiceContext, itemId: number): ItemSession {
  const item = itemView(ctx.db, itemId);
  const meeting = meetingRow(ctx.db, item.meetingId);
  const order = ctx.db
    .prepare(`SELECT id FROM agenda_items WHERE meeting_id = ? AND status <> 'dropped' ORDER BY position, id`)
    .pluck()
    .all(item.meetingId) as number[];
  const index = order.indexOf(item.id);
  const scope = scopeOf(ctx.db, item.id);
  const unsettled = item.status === 'planned' ? attendanceSettledCheck(item.id)(ctx) : [];
  const exits = ctx.db
    .prepare(
      `SELECT e.member_id AS memberId, m.first_name AS firstName, m.last_name AS lastName, s.name AS structureName, e.reasons
       FROM item_exits e JOIN members m ON m.id = e.member_id JOIN structures s ON s.id = m.structure_id WHERE e.item_id = ? ORDER BY e.recorded_at`,
    )
    .all(item.id) as { memberId: number; firstName: string; lastName: string; structureName: string; reasons: string }[];
  return {
    item,
    meeting: { id: meeting.id, heldOn: meeting.held_on, state: meeting.state },
    ordinal: { position: index + 1, total: order.length },
    previousItemId: index > 0 ? order[index - 1]! : null,
    nextItemId: index >= 0 && index < order.length - 1 ? order[index + 1]! : null,
    present: scope.present,
    scopeReasons: item.status === 'planned' || item.status === 'opened' ? [...unsettled, ...scope.reasons] : [],
    exits: exits.map((e) => ({
      memberId: e.memberId,
      displayName: memberDisplayName(e),
      structureName: e.structureName,
      reasons: JSON.parse(e.reasons) as GateReason[],
    })),
    deliberation: deliberationOf(ctx.db, item.id),
    actions: actionsOfItem(ctx, item.id),
    responseTypologies: readSetting(ctx.db, 'responseTypologies') ?? [],
  };
}

/** The meeting must be convened and its day come; the item still to examine. */
function sessionItem(ctx: ServiceContext, itemId: number, allowed: readonly string[]) {
  const item = itemRow(ctx.db, itemId);
  if (item.meeting_state === 'planned') throw new AppError('MEETING_NOT_CONVENED');
  if (item.meeting_state !== 'convened') throw new AppError('MEETING_HELD');
  if (ctx.today < item.held_on) throw new AppError('MEETING_NOT_TODAY');
  if (!allowed.includes(item.status)) throw new AppError(item.status === 'dropped' ? 'ITEM_DROPPED' : 'ITEM_NOT_PLANNED');
  return item;
}

export function openItem(ctx: ServiceContext, input: { itemId: number }): ItemSession {
  const item = sessionItem(ctx, input.itemId, ['planned']);
  const open = ctx.db.prepare(`SELECT 1 FROM agenda_items WHERE meeting_id = ? AND status = 'opened'`).get(item.meeting_id);
  if (open) throw new AppError('ITEM_ANOTHER_OPEN');
  assertGates(ctx, checks.situation(item.situation_id, item.held_on), attendanceSettledCheck(item.id), scopeCheck(item.id));
  ctx.db.prepare(`UPDATE agenda_items SET status = 'opened', opened_at = ? WHERE id = ?`).run(nowIso(ctx.clock), item.id);
  ctx.audit('meetings.openItem', { type: 'situation', id: item.situation_id }, `situation=${item.code},meeting=${item.meeting_id}`);
  return sessionOf(ctx, item.id);
}

/** Members leave the room for this item (G5, or on their own); the minutes will say so. */
export function recordExits(ctx: ServiceContext, input: { itemId: number; memberIds: number[] }): ItemSession {
  const item = sessionItem(ctx, input.itemId, ['planned', 'opened']);
  const { present, reasons } = scopeOf(ctx.db, item.id);
  const insert = ctx.db.prepare('INSERT INTO item_exits (item_id, member_id, reasons, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)');
  for (const memberId of new Set(input.memberIds)) {
    if (!present.some((m) => m.memberId === memberId)) throw new AppError('MEMBER_NOT_PRESENT');
    const own = reasons.filter((r) => r.subject?.type === 'member' && r.subject.id === memberId);
    insert.run(item.id, memberId, JSON.stringify(own), ctx.actor.userId, nowIso(ctx.clock));
    ctx.audit(
      'meetings.memberLeft',
      { type: 'situation', id: item.situation_id },
      [`situation=${item.code}`, `meeting=${item.meeting_id}`, `member=${memberId}`, ...own.map(reasonToken)].join(','),
    );
  }
  return sessionOf(ctx, item.id);
}

/** The item waits for another meeting; the situation goes back where it came from. */
export function postponeItem(ctx: ServiceContext, input: { itemId: number }): ItemSession {
  const item = sessionItem(ctx, input.itemId, ['planned', 'opened']);
  ctx.db.prepare(`UPDATE agenda_items SET status = 'postponed' WHERE id = ?`).run(item.id);
  returnFromAgenda(ctx, item, 'agenda_postponed');
  ctx.audit('meetings.postponeItem', { type: 'situation', id: item.situation_id }, `situation=${item.code},meeting=${item.meeting_id}`);
  return sessionOf(ctx, item.id);
}

export function saveDeliberation(
  ctx: ServiceContext,
  input: {
    itemId: number;
    synthesis: string;
    hypotheses: string;
    responseTypology: string[];
    proposals: string;
    personPresence: AgendaItemView['personPresence'];
  },
): ItemSession {
  const item = itemRow(ctx.db, input.itemId);
  if (item.meeting_state === 'minutes_signed') throw new AppError('MINUTES_SIGNED');
  if (item.status !== 'opened' && item.status !== 'deliberated') throw new AppError('ITEM_NOT_OPEN');
  const known = readSetting(ctx.db, 'responseTypologies') ?? [];
  if (input.responseTypology.some((t) => !known.includes(t))) throw new AppError('TYPOLOGY_UNKNOWN');
  // Nothing is deliberated while someone outside the person's consent is in the room.
  if (item.status === 'opened') assertGates(ctx, scopeCheck(item.id));
  const { synthesis, hypotheses, proposals } = input;
  assertNoPersonName(ctx.db, [item.situation_id], { synthesis, hypotheses, proposals });
  const now = nowIso(ctx.clock);
  ctx.db
    .prepare(
      `INSERT INTO deliberations (item_id, synthesis, hypotheses, response_typology, proposals, recorded_by, recorded_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET synthesis = excluded.synthesis, hypotheses = excluded.hypotheses,
         response_typology = excluded.response_typology, proposals = excluded.proposals, updated_at = excluded.updated_at`,
    )
    .run(
      item.id,
      input.synthesis,
      input.hypotheses,
      JSON.stringify([...new Set(input.responseTypology)]),
      input.proposals,
      ctx.actor.userId,
      now,
      now,
    );
  ctx.db.prepare('UPDATE agenda_items SET person_presence = ? WHERE id = ?').run(input.personPresence, item.id);
  ctx.audit('meetings.deliberate', { type: 'situation', id: item.situation_id }, `situation=${item.code},meeting=${item.meeting_id}`);
  return sessionOf(ctx, item.id);
}

/** Closes the item: the situation is examined, then followed up (re-examination date or not) or closed. */
export function concludeItem(
  ctx: ServiceContext,
  input: { itemId: number; outcome: ItemOutcome; reexamineOn: string | null; closureReason: ClosureReason | null; closureNote: string },
): ItemSession {
  const item = sessionItem(ctx, input.itemId, ['opened']);
  const deliberation = deliberationOf(ctx.db, item.id);
  if (!deliberation || deliberation.synthesis === '' || deliberation.proposals === '') throw new AppError('DELIBERATION_INCOMPLETE');
  if (item.person_presence === null) throw new AppError('PERSON_PRESENCE_MISSING');
  assertGates(ctx, scopeCheck(item.id));
  assertNoPersonName(ctx.db, [item.situation_id], { closureNote: input.closureNote });
  moveSituation(ctx, item.situation_id, { to: 'examined', reason: `meeting=${item.meeting_id}` });
  if (input.outcome === 'follow_up') moveSituation(ctx, item.situation_id, { to: 'follow_up' });
  else closeWith(ctx, item.situation_id, { reason: input.closureReason ?? 'other', closedOn: item.held_on, note: input.closureNote });
  ctx.db
    .prepare('UPDATE deliberations SET outcome = ?, reexamine_on = ?, updated_at = ? WHERE item_id = ?')
    .run(input.outcome, input.outcome === 'follow_up' ? input.reexamineOn : null, nowIso(ctx.clock), item.id);
  ctx.db.prepare(`UPDATE agenda_items SET status = 'deliberated' WHERE id = ?`).run(item.id);
  ctx.audit(
    'meetings.concludeItem',
    { type: 'situation', id: item.situation_id },
    `situation=${item.code},meeting=${item.meeting_id},outcome=${input.outcome}`,
  );
  return sessionOf(ctx, item.id);
}

/** The session is over: every item examined, postponed or dropped, every attendance recorded. */
export function markHeld(ctx: ServiceContext, input: { meetingId: number }): { state: 'held' } {
  const meeting = meetingRow(ctx.db, input.meetingId);
  if (meeting.state === 'planned') throw new AppError('MEETING_NOT_CONVENED');
  if (meeting.state !== 'convened') throw new AppError('MEETING_HELD');
  if (ctx.today < meeting.held_on) throw new AppError('MEETING_NOT_TODAY');
  const pending = ctx.db
    .prepare(`SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND status IN ('planned', 'opened')`)
    .pluck()
    .get(meeting.id);
  if ((pending as number) > 0) throw new AppError('ITEMS_PENDING');
  const unknown = ctx.db.prepare(`SELECT count(*) FROM attendances WHERE meeting_id = ? AND status = 'expected'`).pluck().get(meeting.id);
  if ((unknown as number) > 0) throw new AppError('ATTENDANCE_INCOMPLETE');
  const now = nowIso(ctx.clock);
  ctx.db.prepare(`UPDATE meetings SET state = 'held', held_at = ?, updated_at = ? WHERE id = ?`).run(now, now, meeting.id);
  ctx.audit('meetings.markHeld', { type: 'meeting', id: meeting.id });
  return { state: 'held' };
}
