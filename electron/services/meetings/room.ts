// G5 live: who is in the room for an item, and whether the room stays within the person's consent
// while the item is open. An item opens only once every convened member's attendance is settled
// and every member in the room is within scope; while it is open, an arrival, a substitute or any
// attendance change that would bring an out-of-scope member into the room is refused — unless the
// member stays outside for this item, recorded as an exit — and the deliberation, the actions and
// the conclusion are refused whenever the room is out of scope.
import type { Db } from '../../../db/connection';
import { nowIso } from '../../shared/dates';
import type { Category } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { assertGates, GateCheck } from '../gates';
import { PresentMember, scopeGate } from '../gates/g5-scope';
import { GateReason, reasonToken } from '../../shared/gate-reason';
import { memberDisplayName } from '../partners/text';
import { CURRENT_CONSENT } from '../situations/gates';
import { AppError } from '../../errors';

interface ScopeConsent {
  allowed_categories: string;
  excluded_structures: string;
}

function consentScope(db: Db, situationId: number) {
  const consent = db.prepare(CURRENT_CONSENT).get(situationId) as ScopeConsent | undefined;
  return consent
    ? {
        allowedCategories: JSON.parse(consent.allowed_categories) as Category[],
        excludedStructureIds: JSON.parse(consent.excluded_structures) as number[],
      }
    : null;
}

interface RoomItem {
  id: number;
  meeting_id: number;
  situation_id: number;
  code: string;
  presenter_member_id: number | null;
}

// Read here rather than through agenda.ts, which depends on attendance.ts, which depends on this.
function roomItem(db: Db, itemId: number): RoomItem {
  const item = db
    .prepare(
      'SELECT i.id, i.meeting_id, i.situation_id, s.code, i.presenter_member_id FROM agenda_items i JOIN situations s ON s.id = i.situation_id WHERE i.id = ?',
    )
    .get(itemId) as RoomItem | undefined;
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  return item;
}

/** The members in the room for an item now, and G5's reasons against them. */
export function scopeOf(db: Db, itemId: number): { present: PresentMember[]; reasons: GateReason[] } {
  const item = roomItem(db, itemId);
  const present = presentAt(db, itemId);
  const reasons = scopeGate({
    situation: { id: item.situation_id, code: item.code },
    consent: consentScope(db, item.situation_id),
    present,
  });
  return { present, reasons };
}

/** G5 against the room, as a check for `assertGates`. */
export const scopeCheck =
  (itemId: number): GateCheck =>
  (ctx) =>
    scopeOf(ctx.db, itemId).reasons;

/** Convened members whose attendance is not yet recorded, for this item: the room is not known yet. */
export const attendanceSettledCheck =
  (itemId: number): GateCheck =>
  (ctx) => {
    const item = roomItem(ctx.db, itemId);
    const rows = ctx.db
      .prepare(
        `SELECT m.id, m.first_name AS firstName, m.last_name AS lastName FROM attendances a JOIN members m ON m.id = a.member_id
         WHERE a.meeting_id = ? AND a.convened_at IS NOT NULL AND a.status = 'expected'
           AND (a.scope = 'meeting' OR a.member_id IN (SELECT member_id FROM agenda_item_invitees WHERE item_id = ?) OR a.member_id = ?)
         ORDER BY m.last_name, m.first_name`,
      )
      .all(item.meeting_id, item.id, item.presenter_member_id) as { id: number; firstName: string; lastName: string }[];
    return rows.map((m) => ({
      gate: 'G5',
      code: 'ATTENDANCE_UNSETTLED',
      subject: { type: 'member', id: m.id },
      message: `Indiquez si ${memberDisplayName(m)} est présent, excusé, absent ou représenté : le point ${item.code} ne s’ouvre pas tant que l’on ne sait pas qui est dans la salle.`,
    }));
  };

/** The item being examined in this meeting, if any. */
export function openItemOf(db: Db, meetingId: number): { id: number; situation_id: number; code: string } | null {
  return (
    (db
      .prepare(
        `SELECT i.id, i.situation_id, s.code FROM agenda_items i JOIN situations s ON s.id = i.situation_id WHERE i.meeting_id = ? AND i.status = 'opened'`,
      )
      .get(meetingId) as { id: number; situation_id: number; code: string } | undefined) ?? null
  );
}

/**
 * Runs an attendance change and holds G5 for the open item: if the change brings an out-of-scope
 * member into the room, it is undone (GATE_REFUSED) unless they stay outside for this item, in
 * which case their exit is recorded. Call inside the write's transaction.
 */
export function keepRoomInScope(ctx: ServiceContext, meetingId: number, staysOutside: boolean, change: () => void): void {
  const open = openItemOf(ctx.db, meetingId);
  const before = open ? new Set(presentAt(ctx.db, open.id).map((m) => m.memberId)) : null;
  change();
  if (!open || !before) return;
  const newcomers = scopeOf(ctx.db, open.id).reasons.filter((r) => r.subject?.type === 'member' && !before.has(r.subject.id));
  if (newcomers.length === 0) return;
  if (!staysOutside) assertGates(ctx, () => newcomers);
  const insert = ctx.db.prepare('INSERT INTO item_exits (item_id, member_id, reasons, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)');
  for (const memberId of new Set(newcomers.map((r) => r.subject!.id))) {
    const own = newcomers.filter((r) => r.subject!.id === memberId);
    insert.run(open.id, memberId, JSON.stringify(own), ctx.actor.userId, nowIso(ctx.clock));
    ctx.audit(
      'meetings.memberLeft',
      { type: 'situation', id: open.situation_id },
      [`situation=${open.code}`, `meeting=${meetingId}`, `member=${memberId}`, ...own.map(reasonToken)].join(','),
    );
  }
}

/**
 * The members in the room for an item: present (or their substitute), arrived before it and not
 * gone before it, convened for the meeting or invited for this very item; minus those who left the
 * room for it.
 */
export function presentAt(db: Db, itemId: number): PresentMember[] {
  const rows = db
    .prepare(
      `SELECT m.id AS memberId, m.first_name AS firstName, m.last_name AS lastName, m.category, m.structure_id AS structureId, s.name AS structureName
       FROM agenda_items i
       JOIN attendances a ON a.meeting_id = i.meeting_id AND a.status IN ('present', 'represented')
       JOIN members m ON m.id = (CASE a.status WHEN 'represented' THEN a.substitute_member_id ELSE a.member_id END)
       JOIN structures s ON s.id = m.structure_id
       LEFT JOIN agenda_items arrival ON arrival.id = a.arrival_item_id
       LEFT JOIN agenda_items departure ON departure.id = a.departure_item_id
       WHERE i.id = ?
         AND (arrival.id IS NULL OR arrival.position <= i.position)
         AND (departure.id IS NULL OR departure.position >= i.position)
         AND (a.scope = 'meeting' OR a.member_id IN (SELECT member_id FROM agenda_item_invitees WHERE item_id = i.id) OR a.member_id = i.presenter_member_id)
         AND m.id NOT IN (SELECT member_id FROM item_exits WHERE item_id = i.id)
       ORDER BY s.name, m.last_name, m.first_name`,
    )
    .all(itemId) as (Omit<PresentMember, 'displayName'> & { firstName: string; lastName: string })[];
  return rows.map(({ firstName, lastName, ...member }) => ({ ...member, displayName: memberDisplayName({ firstName, lastName }) }));
}
