// The meeting's documents, built in memory and handed to the UI: convocations (G3: only members
// who signed the charter in force), the agenda, the sign-in sheet and the calendar file. None
// carries a person's name (G6); each print is audited (G8). Read channels, outside any transaction.
import { createEvent, EventAttributes } from 'ics';
import { AppError } from '../../errors';
import {
  agendaPdf,
  AgendaLine,
  Addressee,
  convocationPdf,
  convocationsPdf,
  MeetingDocumentInput,
  MeetingFacts,
  signInSheetPdf,
} from '../../pdf/meeting-documents';
import { atTime } from '../../shared/dates';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { currentCharterVersion } from '../gates/g3-charter';
import { readSetting } from '../settings/settings';
import { agendaItems } from './agenda';
import type { AttendanceView } from './attendance';
import { meetingDetail, MeetingSummary } from './meetings';

/** When, where and who chairs: the head of every document of the meeting. */
export const meetingFacts = (meeting: MeetingSummary): MeetingFacts => ({
  heldOn: meeting.heldOn,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  place: meeting.place,
  animateurName: meeting.animateur.displayName,
});

const ON_AGENDA = new Set(['planned', 'opened', 'deliberated']);

function documentInput(ctx: ServiceContext, meetingId: number): MeetingDocumentInput & { attendance: AttendanceView[] } {
  const meeting = meetingDetail(ctx, meetingId);
  const items: AgendaLine[] = agendaItems(ctx.db, meeting)
    .filter((i) => ON_AGENDA.has(i.status))
    .map((i) => ({
      position: i.position,
      code: i.code,
      structureName: i.structureName,
      neutralQuestion: i.neutralQuestion,
      presenterName: i.presenter?.displayName ?? null,
    }));
  return {
    establishmentName: readSetting(ctx.db, 'establishmentName') ?? '',
    meeting: meetingFacts(meeting),
    items,
    attendance: meeting.attendance,
  };
}

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

function addressee(ctx: ServiceContext, meetingId: number, a: AttendanceView): Addressee {
  return {
    displayName: a.displayName,
    function: a.function,
    structureName: a.structureName,
    itemsOnly: a.scope === 'items' ? guestItems(ctx, meetingId, a.memberId) : null,
  };
}

const convened = (attendance: AttendanceView[]) => attendance.filter((a) => a.convenedAt !== null);

export async function printConvocation(ctx: ServiceContext, input: { meetingId: number; memberId: number }): Promise<DocumentFile> {
  const doc = documentInput(ctx, input.meetingId);
  const member = convened(doc.attendance).find((a) => a.memberId === input.memberId);
  if (!member) throw new AppError('MEMBER_NOT_CONVENED');
  assertGates(ctx, checks.charter(member.memberId));
  const pdf = await convocationPdf(doc, addressee(ctx, input.meetingId, member));
  ctx.audit('meetings.printConvocation', { type: 'meeting', id: input.meetingId }, `member=${member.memberId}`);
  // A member is a professional, not a person in care: the file is named after them.
  return pdfFile(`convocation-${doc.meeting.heldOn}-${fileSlug(member.displayName)}.pdf`, pdf);
}

export async function printConvocations(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const doc = documentInput(ctx, input.meetingId);
  const members = convened(doc.attendance);
  if (members.length === 0) throw new AppError('MEETING_NOT_CONVENED');
  assertGates(ctx, ...members.map((m) => checks.charter(m.memberId)));
  const pdf = await convocationsPdf(
    doc,
    members.map((m) => addressee(ctx, input.meetingId, m)),
  );
  ctx.audit('meetings.printConvocations', { type: 'meeting', id: input.meetingId }, `members=${members.length}`);
  return pdfFile(`convocations-${doc.meeting.heldOn}.pdf`, pdf);
}

export async function printAgenda(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const doc = documentInput(ctx, input.meetingId);
  const pdf = await agendaPdf(doc);
  ctx.audit('meetings.printAgenda', { type: 'meeting', id: input.meetingId });
  return pdfFile(`ordre-du-jour-${doc.meeting.heldOn}.pdf`, pdf);
}

export async function printSignInSheet(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const doc = documentInput(ctx, input.meetingId);
  const lines = convened(doc.attendance).map((a) => ({ ...addressee(ctx, input.meetingId, a) }));
  const pdf = await signInSheetPdf({ ...doc, charterVersion: currentCharterVersion(ctx.db), lines });
  ctx.audit('meetings.printSignInSheet', { type: 'meeting', id: input.meetingId });
  return pdfFile(`feuille-emargement-${doc.meeting.heldOn}.pdf`, pdf);
}

/** The meeting as a calendar event Outlook imports: when and where, nothing about any situation. */
export function meetingCalendar(ctx: ServiceContext, input: { meetingId: number }): DocumentFile {
  const meeting = meetingDetail(ctx, input.meetingId);
  const moment = (time: string) => new Date(atTime(meeting.heldOn, time)).getTime();
  // `timestamp` (DTSTAMP) is read by ics but missing from its types: it comes from the injected clock.
  const event: EventAttributes & { timestamp: number } = {
    uid: `seance-${meeting.id}@commission-clsm`,
    productId: 'commission-clsm',
    title: 'Commission de réflexion et d’aide (CLSM)',
    description: 'Séance de la Commission. L’ordre du jour est joint à la convocation.',
    location: meeting.place,
    start: moment(meeting.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: moment(meeting.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: ctx.clock().getTime(),
    status: 'CONFIRMED',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('calendar event not generated');
  ctx.audit('meetings.calendar', { type: 'meeting', id: meeting.id });
  return { fileName: `seance-${meeting.heldOn}.ics`, mimeType: 'text/calendar', base64: Buffer.from(value, 'utf8').toString('base64') };
}
