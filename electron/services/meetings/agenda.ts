// The agenda (ordre du jour): which situations a meeting examines, in which order, presented by
// whom, with which members invited for one item. Only situations that pass G4, G1 and G2 for the
// meeting's day are accepted; an item whose situation stops passing them (consent withdrawn, a
// new consent incomplete, the meeting moved past a re-confirmation date) is dropped at once and
// keeps its reasons, so the coordinator sees why.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ItemStatus, MeetingState, PersonPresence } from '../../shared/meeting-vocabulary';
import type { AttendanceWish, SituationState } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';
import { assertGates, checks, GateCheck } from '../gates';
import { GateReason, reasonToken } from '../../shared/gate-reason';
import { memberDisplayName } from '../partners/text';
import { moveSituation } from '../situations/lifecycle';
import { CURRENT_CONSENT, loadSituationGateFacts, situationReasons } from '../situations/gates';
import { assertNoPersonName } from '../situations/shared-text';
import { situationRow } from '../situations/situations';
import { conveneItemGuests } from './attendance';

export interface AgendaItemView {
  id: number;
  meetingId: number;
  position: number;
  situationId: number;
  code: string;
  structureName: string;
  neutralQuestion: string;
  presenter: { id: number; displayName: string } | null;
  invitees: { id: number; displayName: string }[];
  status: ItemStatus;
  scheduledFrom: 'ready' | 'follow_up';
  /** Why the gates dropped the item (kept as they were when it happened). */
  droppedReasons: GateReason[];
  droppedAt: string | null;
  /** G4, G1, G2 for the meeting's day, checked now (empty when the item may be examined). */
  gateReasons: GateReason[];
  /** The person's wish as their consent records it (G10). */
  personWish: AttendanceWish | null;
  personPresence: PersonPresence | null;
}

interface ItemRow {
  id: number;
  meeting_id: number;
  position: number;
  situation_id: number;
  code: string;
  structure_name: string;
  neutral_question: string;
  presenter_member_id: number | null;
  presenter_first: string | null;
  presenter_last: string | null;
  status: ItemStatus;
  scheduled_from: 'ready' | 'follow_up';
  dropped_reasons: string | null;
  dropped_at: string | null;
  person_presence: PersonPresence | null;
  held_on: string;
  meeting_state: MeetingState;
}

const SELECT = `
  SELECT i.*, s.code, st.name AS structure_name, p.first_name AS presenter_first, p.last_name AS presenter_last,
    m.held_on, m.state AS meeting_state
  FROM agenda_items i JOIN situations s ON s.id = i.situation_id JOIN structures st ON st.id = s.referring_structure_id
  JOIN meetings m ON m.id = i.meeting_id LEFT JOIN members p ON p.id = i.presenter_member_id`;

function toView(db: Db, row: ItemRow): AgendaItemView {
  const invitees = db
    .prepare(
      `SELECT m.id, m.first_name AS firstName, m.last_name AS lastName FROM agenda_item_invitees v JOIN members m ON m.id = v.member_id
       WHERE v.item_id = ? ORDER BY m.last_name, m.first_name`,
    )
    .all(row.id) as { id: number; firstName: string; lastName: string }[];
  const live = row.status === 'planned' || row.status === 'opened';
  const wish = db.prepare(CURRENT_CONSENT).get(row.situation_id) as { attendance: AttendanceWish } | undefined;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    situationId: row.situation_id,
    code: row.code,
    structureName: row.structure_name,
    neutralQuestion: row.neutral_question,
    presenter:
      row.presenter_member_id === null
        ? null
        : {
            id: row.presenter_member_id,
            displayName: memberDisplayName({ firstName: row.presenter_first!, lastName: row.presenter_last! }),
          },
    invitees: invitees.map((m) => ({ id: m.id, displayName: memberDisplayName(m) })),
    status: row.status,
    scheduledFrom: row.scheduled_from,
    droppedReasons: row.dropped_reasons ? (JSON.parse(row.dropped_reasons) as GateReason[]) : [],
    droppedAt: row.dropped_at,
    gateReasons: live ? situationReasons(loadSituationGateFacts(db, row.situation_id, row.held_on)) : [],
    personWish: wish?.attendance ?? null,
    personPresence: row.person_presence,
  };
}

/** The agenda in order; dropped items last, with their reasons. */
export function agendaItems(db: Db, meeting: { id: number }): AgendaItemView[] {
  const rows = db.prepare(`${SELECT} WHERE i.meeting_id = ? ORDER BY i.status = 'dropped', i.position, i.id`).all(meeting.id) as ItemRow[];
  return rows.map((row) => toView(db, row));
}

export function itemRow(db: Db, itemId: number): ItemRow {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(itemId) as ItemRow | undefined;
  if (!row) throw new AppError('ITEM_NOT_FOUND');
  return row;
}

export const itemView = (db: Db, itemId: number): AgendaItemView => toView(db, itemRow(db, itemId));

/** States from which a situation may be put on an agenda: new ones, and re-examinations. */
const SCHEDULABLE: readonly SituationState[] = ['eligible', 'awaiting_consent', 'ready', 'follow_up'];

function guestChecks(presenterId: number | null, inviteeIds: readonly number[]): GateCheck[] {
  const ids = [...new Set([...(presenterId === null ? [] : [presenterId]), ...inviteeIds])];
  return ids.map((memberId) => checks.charter(memberId));
}

function writeInvitees(db: Db, itemId: number, inviteeIds: readonly number[]): void {
  db.prepare('DELETE FROM agenda_item_invitees WHERE item_id = ?').run(itemId);
  const insert = db.prepare('INSERT INTO agenda_item_invitees (item_id, member_id) VALUES (?, ?)');
  for (const memberId of new Set(inviteeIds)) insert.run(itemId, memberId);
}

function openMeeting(db: Db, meetingId: number): { id: number; held_on: string; state: MeetingState } {
  const meeting = db.prepare('SELECT id, held_on, state FROM meetings WHERE id = ?').get(meetingId) as
    { id: number; held_on: string; state: MeetingState } | undefined;
  if (!meeting) throw new AppError('MEETING_NOT_FOUND');
  if (meeting.state === 'held' || meeting.state === 'minutes_signed') throw new AppError('MEETING_HELD');
  return meeting;
}

export function addItem(
  ctx: ServiceContext,
  input: { meetingId: number; situationId: number; presenterMemberId: number | null; neutralQuestion: string; inviteeIds: number[] },
): AgendaItemView {
  const meeting = openMeeting(ctx.db, input.meetingId);
  const situation = situationRow(ctx.db, input.situationId);
  if (situation.state === 'scheduled') throw new AppError('AGENDA_ALREADY_SCHEDULED');
  if (!SCHEDULABLE.includes(situation.state)) throw new AppError('AGENDA_NOT_SCHEDULABLE');
  assertGates(ctx, checks.situation(situation.id, meeting.held_on), ...guestChecks(input.presenterMemberId, input.inviteeIds));
  assertNoPersonName(ctx.db, [situation.id], { neutralQuestion: input.neutralQuestion });
  const from = situation.state === 'follow_up' ? 'follow_up' : 'ready';
  if (situation.state === 'eligible' || situation.state === 'awaiting_consent') moveSituation(ctx, situation.id, { to: 'ready' });
  moveSituation(ctx, situation.id, { to: 'scheduled', reason: `meeting=${meeting.id}` });
  const position =
    ((ctx.db.prepare(`SELECT max(position) FROM agenda_items WHERE meeting_id = ? AND status <> 'dropped'`).pluck().get(meeting.id) as
      number | null) ?? 0) + 1;
  const itemId = Number(
    ctx.db
      .prepare(
        `INSERT INTO agenda_items (meeting_id, situation_id, position, presenter_member_id, neutral_question, scheduled_from, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meeting.id, situation.id, position, input.presenterMemberId, input.neutralQuestion, from, nowIso(ctx.clock)).lastInsertRowid,
  );
  writeInvitees(ctx.db, itemId, input.inviteeIds);
  if (meeting.state === 'convened') conveneItemGuests(ctx, meeting.id);
  ctx.audit('meetings.addItem', { type: 'situation', id: situation.id }, `situation=${situation.code},meeting=${meeting.id}`);
  return itemView(ctx.db, itemId);
}

export function updateItem(
  ctx: ServiceContext,
  input: { itemId: number; presenterMemberId: number | null; neutralQuestion: string; inviteeIds: number[] },
): AgendaItemView {
  const item = itemRow(ctx.db, input.itemId);
  const meeting = openMeeting(ctx.db, item.meeting_id);
  if (item.status !== 'planned') throw new AppError('ITEM_NOT_PLANNED');
  assertGates(ctx, ...guestChecks(input.presenterMemberId, input.inviteeIds));
  assertNoPersonName(ctx.db, [item.situation_id], { neutralQuestion: input.neutralQuestion });
  ctx.db
    .prepare('UPDATE agenda_items SET presenter_member_id = ?, neutral_question = ? WHERE id = ?')
    .run(input.presenterMemberId, input.neutralQuestion, item.id);
  writeInvitees(ctx.db, item.id, input.inviteeIds);
  if (meeting.state === 'convened') conveneItemGuests(ctx, meeting.id);
  ctx.audit('meetings.updateItem', { type: 'situation', id: item.situation_id }, `situation=${item.code},meeting=${item.meeting_id}`);
  return itemView(ctx.db, item.id);
}

export function moveItem(ctx: ServiceContext, input: { itemId: number; direction: 'up' | 'down' }): AgendaItemView[] {
  const item = itemRow(ctx.db, input.itemId);
  openMeeting(ctx.db, item.meeting_id);
  const neighbour = ctx.db
    .prepare(
      `SELECT id, position FROM agenda_items WHERE meeting_id = ? AND status <> 'dropped' AND position ${input.direction === 'up' ? '<' : '>'} ?
       ORDER BY position ${input.direction === 'up' ? 'DESC' : 'ASC'} LIMIT 1`,
    )
    .get(item.meeting_id, item.position) as { id: number; position: number } | undefined;
  if (neighbour) {
    const swap = ctx.db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
    swap.run(neighbour.position, item.id);
    swap.run(item.position, neighbour.id);
    ctx.audit('meetings.moveItem', { type: 'meeting', id: item.meeting_id }, `item=${item.id}`);
  }
  return agendaItems(ctx.db, { id: item.meeting_id });
}

/** The situation goes back where it came from: ready, or in follow-up. */
export function returnFromAgenda(
  ctx: ServiceContext,
  item: { situation_id: number; scheduled_from: 'ready' | 'follow_up' },
  reason: string,
): void {
  const { state } = situationRow(ctx.db, item.situation_id);
  if (state === 'scheduled') moveSituation(ctx, item.situation_id, { to: item.scheduled_from, reason });
}

/** Takes a planned item off the agenda before the session (a plan, not a record: the row goes). */
export function removeItem(ctx: ServiceContext, input: { itemId: number }): { removed: true } {
  const item = itemRow(ctx.db, input.itemId);
  openMeeting(ctx.db, item.meeting_id);
  if (item.status !== 'planned') throw new AppError('ITEM_NOT_PLANNED');
  ctx.db.prepare('UPDATE attendances SET arrival_item_id = NULL WHERE arrival_item_id = ?').run(item.id);
  ctx.db.prepare('UPDATE attendances SET departure_item_id = NULL WHERE departure_item_id = ?').run(item.id);
  ctx.db.prepare('DELETE FROM agenda_item_invitees WHERE item_id = ?').run(item.id);
  ctx.db.prepare('DELETE FROM item_exits WHERE item_id = ?').run(item.id);
  ctx.db.prepare('DELETE FROM agenda_items WHERE id = ?').run(item.id);
  ctx.db
    .prepare(`UPDATE agenda_items SET position = position - 1 WHERE meeting_id = ? AND position > ? AND status <> 'dropped'`)
    .run(item.meeting_id, item.position);
  returnFromAgenda(ctx, item, 'agenda_removed');
  ctx.audit('meetings.removeItem', { type: 'situation', id: item.situation_id }, `situation=${item.code},meeting=${item.meeting_id}`);
  return { removed: true };
}

/**
 * Drops every item, of meetings not yet held, whose situation no longer passes the gates for the
 * meeting's day. Called where that may change: a consent recorded or withdrawn, a meeting moved.
 */
export function sweepAgendas(ctx: ServiceContext, scope: { situationId?: number; meetingId?: number }): number {
  const rows = ctx.db
    .prepare(
      `${SELECT} WHERE i.status IN ('planned', 'opened') AND m.state IN ('planned', 'convened')
       AND (? IS NULL OR i.situation_id = ?) AND (? IS NULL OR i.meeting_id = ?)`,
    )
    .all(scope.situationId ?? null, scope.situationId ?? null, scope.meetingId ?? null, scope.meetingId ?? null) as ItemRow[];
  let dropped = 0;
  for (const row of rows) {
    const reasons = situationReasons(loadSituationGateFacts(ctx.db, row.situation_id, row.held_on));
    if (reasons.length === 0) continue;
    ctx.db
      .prepare(`UPDATE agenda_items SET status = 'dropped', dropped_reasons = ?, dropped_at = ? WHERE id = ?`)
      .run(JSON.stringify(reasons), nowIso(ctx.clock), row.id);
    ctx.db
      .prepare(`UPDATE agenda_items SET position = position - 1 WHERE meeting_id = ? AND position > ? AND status <> 'dropped'`)
      .run(row.meeting_id, row.position);
    returnFromAgenda(ctx, row, 'agenda_dropped');
    const tokens = [...new Set(reasons.map(reasonToken))].join(',');
    ctx.audit(
      'meetings.itemDropped',
      { type: 'situation', id: row.situation_id },
      `situation=${row.code},meeting=${row.meeting_id},${tokens}`,
    );
    dropped += 1;
  }
  return dropped;
}

export interface AgendaCandidate {
  id: number;
  code: string;
  state: SituationState;
  structureName: string;
  referringMemberId: number;
  /** The referral's question, from which the neutral question is prefilled (the name check still applies). */
  question: string;
}

/** Situations that may be proposed for the agenda; the gates decide when one is added. */
export function agendaCandidates(ctx: ServiceContext, input: { meetingId: number }): AgendaCandidate[] {
  openMeeting(ctx.db, input.meetingId);
  return ctx.db
    .prepare(
      `SELECT s.id, s.code, s.state, st.name AS structureName, s.referring_member_id AS referringMemberId, s.question
       FROM situations s JOIN structures st ON st.id = s.referring_structure_id
       WHERE s.state IN (${SCHEDULABLE.map(() => '?').join(', ')}) ORDER BY s.code`,
    )
    .all(...SCHEDULABLE) as AgendaCandidate[];
}
