// The meeting's documents, built in memory and handed to the UI: convocations (G3: only members
// who signed the charter in force; per recipient, see convocations.ts), the agenda, the sign-in
// sheet and the calendar file. Each asks the disclosure gate; none carries a person's name (G6);
// each print is audited (G8). Read channels, outside any transaction.
import { letterheadOf } from '../settings/letterhead';
import { AppError } from '../../errors';
import { agendaPdf, convocationPdf, convocationsPdf, MeetingFacts, signInSheetPdf } from '../../pdf/meeting-documents';
import { calendarEvent } from '../common/calendar';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { currentCharterVersion } from '../gates/g3-charter';
import { agendaItems } from './agenda';
import {
  addresseeOf,
  agendaChecks,
  convenedOf,
  convocationDigest,
  MeetingDocument,
  recordConvocationPrints,
  convocationStatus,
  ConvocationStatus,
} from './convocations';
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

export function meetingDocument(ctx: ServiceContext, meetingId: number): MeetingDocument {
  const meeting = meetingDetail(ctx, meetingId);
  return {
    meetingId,
    letterhead: letterheadOf(ctx.db),
    meeting: meetingFacts(meeting),
    items: agendaItems(ctx.db, meeting)
      .filter((i) => ON_AGENDA.has(i.status))
      .map((i) => ({
        itemId: i.id,
        situationId: i.situationId,
        position: i.position,
        code: i.code,
        structureName: i.structureName,
        neutralQuestion: i.neutralQuestion,
        presenterName: i.presenter?.displayName ?? null,
      })),
    attendance: meeting.attendance,
  };
}

/** Each convened member's presence and whether their printed convocation is out of date (the meeting page names them). */
export const convocationStatusOf = (ctx: ServiceContext, meetingId: number): ConvocationStatus[] =>
  convocationStatus(ctx, meetingDocument(ctx, meetingId));

/** A recipient outside the charter gets no convocation (G3, through the disclosure gate). */
export const charterCheck = (memberId: number, day: string) =>
  checks.disclosure({ situationId: null, recipient: { kind: 'member', memberId }, use: 'convocation', day });

export async function printConvocation(ctx: ServiceContext, input: { meetingId: number; memberId: number }): Promise<DocumentFile> {
  const doc = meetingDocument(ctx, input.meetingId);
  const member = convenedOf(doc.attendance).find((a) => a.memberId === input.memberId);
  if (!member) throw new AppError('MEMBER_NOT_CONVENED');
  assertGates(ctx, charterCheck(member.memberId, doc.meeting.heldOn), ...agendaChecks(doc, 'convocation'));
  const to = addresseeOf(ctx, doc, member, 'convocation');
  const pdf = await convocationPdf(doc, to);
  recordConvocationPrints(ctx, doc.meetingId, [{ memberId: member.memberId, digest: convocationDigest(doc, to) }]);
  ctx.audit('meetings.printConvocation', { type: 'meeting', id: input.meetingId }, `member=${member.memberId}`);
  // A member is a professional, not a person in care: the file is named after them.
  return pdfFile(`convocation-${doc.meeting.heldOn}-${fileSlug(member.displayName)}.pdf`, pdf);
}

/** Every convocation in one file; or, with `onlyStale`, just those the agenda's changes made stale. */
export async function printConvocations(
  ctx: ServiceContext,
  input: { meetingId: number; onlyStale?: boolean | undefined },
): Promise<DocumentFile> {
  const doc = meetingDocument(ctx, input.meetingId);
  const stale = input.onlyStale
    ? new Set(
        convocationStatus(ctx, doc)
          .filter((s) => s.stale)
          .map((s) => s.memberId),
      )
    : null;
  const members = convenedOf(doc.attendance).filter((m) => stale === null || stale.has(m.memberId));
  if (members.length === 0) throw new AppError(stale ? 'CONVOCATIONS_UP_TO_DATE' : 'MEETING_NOT_CONVENED');
  assertGates(ctx, ...members.map((m) => charterCheck(m.memberId, doc.meeting.heldOn)), ...agendaChecks(doc, 'convocation'));
  const addressees = members.map((m) => ({ memberId: m.memberId, to: addresseeOf(ctx, doc, m, 'convocation') }));
  const pdf = await convocationsPdf(
    doc,
    addressees.map((a) => a.to),
  );
  recordConvocationPrints(
    ctx,
    doc.meetingId,
    addressees.map((a) => ({ memberId: a.memberId, digest: convocationDigest(doc, a.to) })),
  );
  ctx.audit('meetings.printConvocations', { type: 'meeting', id: input.meetingId }, `members=${members.length}${stale ? ',stale=1' : ''}`);
  return pdfFile(`convocations-${stale ? 'mises-a-jour-' : ''}${doc.meeting.heldOn}.pdf`, pdf);
}

export async function printAgenda(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const doc = meetingDocument(ctx, input.meetingId);
  assertGates(ctx, ...agendaChecks(doc, 'agenda'));
  const pdf = await agendaPdf(doc);
  ctx.audit('meetings.printAgenda', { type: 'meeting', id: input.meetingId });
  return pdfFile(`ordre-du-jour-${doc.meeting.heldOn}.pdf`, pdf);
}

export async function printSignInSheet(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const doc = meetingDocument(ctx, input.meetingId);
  assertGates(ctx, ...agendaChecks(doc, 'sign_in_sheet'));
  // A member who may not sit (G3) has no line: they sign nothing until they signed the charter.
  const lines = convenedOf(doc.attendance)
    .filter((a) => a.charterReasons.length === 0)
    .map((a) => addresseeOf(ctx, doc, a, 'sign_in_sheet'));
  const pdf = await signInSheetPdf({ ...doc, charterVersion: currentCharterVersion(ctx.db), lines });
  ctx.audit('meetings.printSignInSheet', { type: 'meeting', id: input.meetingId });
  return pdfFile(`feuille-emargement-${doc.meeting.heldOn}.pdf`, pdf);
}

/** The meeting as a calendar event Outlook imports: when and where, nothing about any situation. */
export function meetingIcs(ctx: ServiceContext, meeting: MeetingSummary): string {
  return calendarEvent(ctx, {
    uid: `seance-${meeting.id}@commission-clsm`,
    title: 'Commission de réflexion et d’aide (CLSM)',
    description: 'Séance de la Commission. L’ordre du jour est joint à la convocation.',
    place: meeting.place,
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
  });
}

export const icsFileName = (meeting: MeetingSummary) => `seance-${meeting.heldOn}.ics`;

export function meetingCalendar(ctx: ServiceContext, input: { meetingId: number }): DocumentFile {
  const meeting = meetingDetail(ctx, input.meetingId);
  const ics = meetingIcs(ctx, meeting);
  ctx.audit('meetings.calendar', { type: 'meeting', id: meeting.id });
  return { fileName: icsFileName(meeting), mimeType: 'text/calendar', base64: Buffer.from(ics, 'utf8').toString('base64') };
}
