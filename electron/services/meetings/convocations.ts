// What each convened member is told, and whether what they were told is still true. A convocation
// is per recipient: the disclosure gate decides, item by item, whether the member may see it — an
// item whose person excluded their structure or category is « réservé » (no code, structure or
// question) and their presence reads « toute la séance sauf le point n »; a guest sees only the
// items they are invited to. Each print records the digest of what that member was told; after the
// agenda changes, the members whose digest differs are named, and just theirs are reprinted.
import { createHash } from 'node:crypto';
import { AgendaLine, Addressee, MeetingDocumentInput, presenceOf } from '../../pdf/meeting-documents';
import { nowIso } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { checks, disclosureReasons, GateCheck } from '../gates';
import type { AttendanceView } from './attendance';

/** An agenda line with what the gate needs to know about it. */
export type GatedLine = AgendaLine & { situationId: number; itemId: number };

export type MeetingDocument = Omit<MeetingDocumentInput, 'items'> & { meetingId: number; items: GatedLine[]; attendance: AttendanceView[] };

/** The agenda as a whole goes to the meeting: each item passes the disclosure gate for its day. */
export const agendaChecks = (doc: MeetingDocument, use: 'agenda' | 'convocation' | 'sign_in_sheet'): GateCheck[] =>
  doc.items.map((i) =>
    checks.disclosure({ situationId: i.situationId, recipient: { kind: 'coordination' }, use, day: doc.meeting.heldOn }),
  );

/** The positions of the items a guest is invited to (presenter or invitee). */
function guestItems(ctx: ServiceContext, meetingId: number, memberId: number): number[] {
  return ctx.db
    .prepare(
      `SELECT DISTINCT i.position FROM agenda_items i LEFT JOIN agenda_item_invitees v ON v.item_id = i.id
       WHERE i.meeting_id = ? AND i.status IN ('planned', 'opened', 'deliberated') AND (v.member_id = ? OR i.presenter_member_id = ?) ORDER BY i.position`,
    )
    .pluck()
    .all(meetingId, memberId, memberId) as number[];
}

/** The items this member must stay out of (G5), by position. */
function reservedFor(ctx: ServiceContext, doc: MeetingDocument, memberId: number, use: 'convocation' | 'sign_in_sheet'): number[] {
  return doc.items
    .filter(
      (i) =>
        disclosureReasons(ctx, {
          situationId: i.situationId,
          itemId: i.itemId,
          recipient: { kind: 'member', memberId },
          use,
          day: doc.meeting.heldOn,
        }).length > 0,
    )
    .map((i) => i.position);
}

/** What one member's convocation (or sign-in line) says about the agenda and their presence. */
export function addresseeOf(ctx: ServiceContext, doc: MeetingDocument, a: AttendanceView, use: 'convocation' | 'sign_in_sheet'): Addressee {
  return {
    displayName: a.displayName,
    function: a.function,
    structureName: a.structureName,
    itemsOnly: a.scope === 'items' ? guestItems(ctx, doc.meetingId, a.memberId) : null,
    reserved: reservedFor(ctx, doc, a.memberId, use),
  };
}

export const convenedOf = (attendance: AttendanceView[]) => attendance.filter((a) => a.convenedAt !== null);

/** The digest of what a member is told: the meeting, the agenda as they see it, their presence. */
export function convocationDigest(doc: MeetingDocument, to: Addressee): string {
  const visible = doc.items.map((i) =>
    to.reserved.includes(i.position) || (to.itemsOnly !== null && !to.itemsOnly.includes(i.position))
      ? { position: i.position, hidden: true }
      : { position: i.position, code: i.code, structure: i.structureName, question: i.neutralQuestion, presenter: i.presenterName },
  );
  const payload = { meeting: doc.meeting, items: visible, itemsOnly: to.itemsOnly, reserved: to.reserved };
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

/** Records what was printed for these members (a print is a fact, kept even on a read channel). */
export function recordConvocationPrints(ctx: ServiceContext, meetingId: number, printed: { memberId: number; digest: string }[]): void {
  const upsert = ctx.db.prepare(
    `INSERT INTO convocation_prints (meeting_id, member_id, digest, printed_at, printed_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET digest = excluded.digest, printed_at = excluded.printed_at, printed_by = excluded.printed_by`,
  );
  const at = nowIso(ctx.clock);
  ctx.db.transaction(() => {
    for (const p of printed) upsert.run(meetingId, p.memberId, p.digest, at, ctx.actor.userId);
  })();
}

export interface ConvocationStatus {
  memberId: number;
  displayName: string;
  structureName: string;
  /** Where the member sits, as their convocation says: « toute la séance sauf le point 1 ». */
  presence: string;
  /** When their convocation was last printed (null: never). */
  printedAt: string | null;
  /** Printed, but the agenda changed since in a way that changes what they were told. */
  stale: boolean;
}

/** For each convened member under the charter: where they sit, and whether their printed convocation is still true. */
export function convocationStatus(ctx: ServiceContext, doc: MeetingDocument): ConvocationStatus[] {
  const printed = new Map(
    (
      ctx.db
        .prepare('SELECT member_id AS memberId, digest, printed_at AS printedAt FROM convocation_prints WHERE meeting_id = ?')
        .all(doc.meetingId) as { memberId: number; digest: string; printedAt: string }[]
    ).map((p) => [p.memberId, p]),
  );
  return convenedOf(doc.attendance)
    .filter((a) => a.charterReasons.length === 0)
    .map((a) => {
      const to = addresseeOf(ctx, doc, a, 'convocation');
      const print = printed.get(a.memberId);
      return {
        memberId: a.memberId,
        displayName: a.displayName,
        structureName: a.structureName,
        presence: presenceOf(to),
        printedAt: print?.printedAt ?? null,
        stale: print !== undefined && print.digest !== convocationDigest(doc, to),
      };
    });
}
