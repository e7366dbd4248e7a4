// The documents of a CLSM meeting, built in memory and handed to the UI: convocations (one per
// invitee, or all in one file), the calendar file, the sign-in sheet, and the convocations as e-mail
// drafts (decision 021). Each print is audited (G8); a convocation given (printed or drafted) is
// dated on the invitation. Read channels: the dating runs in its own short transaction.
import { AppError } from '../../errors';
import {
  clsmConvocationPdf,
  clsmConvocationsPdf,
  ClsmAddressee,
  ClsmDocumentInput,
  clsmSignInSheetPdf,
  ofBody,
} from '../../pdf/clsm-documents';
import { formatLongDay, formatTime } from '../../shared/dates';
import { salutation, toPlace } from '../../shared/french';
import type { GuestCategory } from '../../shared/clsm-vocabulary';
import { CLSM_MEETING_KINDS } from '../../shared/training-vocabulary';
import { calendarEvent } from '../common/calendar';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { closing, composeDraft, senderOf } from '../mail/draft';
import { draftsFolder, writeDrafts } from '../mail/folder';
import { letterheadOf } from '../settings/letterhead';
import { signatoryOf } from '../users/users';
import {
  ClsmMeetingRow,
  clsmMeetingRow,
  invitationEmail,
  invitationRow,
  invitationsOf,
  InvitationView,
  meetingHead,
  pointsOf,
} from './views';

function documentInput(ctx: ServiceContext, row: ClsmMeetingRow): ClsmDocumentInput {
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
  return {
    letterhead: letterheadOf(ctx.db),
    meeting: {
      ...meetingHead(row),
      points: pointsOf(ctx.db, row.id).map((p) => ({ position: p.position, title: p.title, presenter: p.presenter })),
      attachedDocuments: JSON.parse(row.attached_documents) as string[],
    },
  };
}

const addresseeOf = (i: InvitationView): ClsmAddressee => ({
  name: i.name,
  role: i.role,
  organisation: i.organisation,
  structure: i.kind === 'structure',
  salutation: i.kind === 'structure' ? 'Madame, Monsieur,' : salutation(i.civility),
});

/** `comite-pilotage-2026-03-10`: a CLSM meeting's documents never share a name with a commission's. */
const meetingSlug = (row: ClsmMeetingRow) => `${row.kind.replace(/_/g, '-')}-${row.held_on}`;

/** Private persons (lived experience, carers, citizens) are never named in a file name: their number stands in. */
const PRIVATE: readonly (GuestCategory | null)[] = ['personne_concernee', 'aidant', 'citoyen'];
const convocationName = (row: ClsmMeetingRow, i: InvitationView, extension: 'pdf' | 'eml') =>
  `convocation-${meetingSlug(row)}-${PRIVATE.includes(i.guestCategory) ? `invite-${i.id}` : fileSlug(i.name)}.${extension}`;

function recordConvened(ctx: ServiceContext, invitationIds: number[]): void {
  const stamp = ctx.db.prepare('UPDATE clsm_invitations SET convened_on = ? WHERE id = ?');
  ctx.db.transaction(() => {
    for (const id of invitationIds) stamp.run(ctx.today, id);
  })();
}

export async function printClsmConvocation(ctx: ServiceContext, input: { invitationId: number }): Promise<DocumentFile> {
  const invitation = invitationRow(ctx.db, input.invitationId);
  const row = clsmMeetingRow(ctx.db, invitation.meetingId);
  const pdf = await clsmConvocationPdf(documentInput(ctx, row), addresseeOf(invitation));
  recordConvened(ctx, [invitation.id]);
  ctx.audit('clsm.convocation', { type: 'clsmMeeting', id: row.id }, `invitee=${invitation.kind}`);
  return pdfFile(convocationName(row, invitation, 'pdf'), pdf);
}

export async function printClsmConvocations(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const row = clsmMeetingRow(ctx.db, input.meetingId);
  const doc = documentInput(ctx, row);
  const invitations = invitationsOf(ctx.db, row.id);
  if (invitations.length === 0) throw new AppError('CLSM_NO_INVITEE');
  const pdf = await clsmConvocationsPdf(doc, invitations.map(addresseeOf));
  recordConvened(
    ctx,
    invitations.map((i) => i.id),
  );
  ctx.audit('clsm.convocations', { type: 'clsmMeeting', id: row.id }, `count=${invitations.length}`);
  return pdfFile(`convocations-${meetingSlug(row)}.pdf`, pdf);
}

/** The sign-in sheet: the invited persons by name; a structure's line is left for whoever comes. */
export async function printClsmSignInSheet(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const row = clsmMeetingRow(ctx.db, input.meetingId);
  const doc = documentInput(ctx, row);
  const lines = invitationsOf(ctx.db, row.id)
    .filter((i) => i.attendance !== 'excused')
    .map((i) =>
      i.kind === 'structure' ? { name: '', organisation: i.name, role: '' } : { name: i.name, organisation: i.organisation, role: i.role },
    );
  const pdf = await clsmSignInSheetPdf({ ...doc, lines });
  ctx.audit('clsm.signInSheet', { type: 'clsmMeeting', id: row.id }, `count=${lines.length}`);
  return pdfFile(`feuille-emargement-${meetingSlug(row)}.pdf`, pdf);
}

const icsName = (row: ClsmMeetingRow) => `${meetingSlug(row)}.ics`;

export function clsmMeetingIcs(ctx: ServiceContext, row: ClsmMeetingRow): string {
  return calendarEvent(ctx, {
    uid: `clsm-reunion-${row.id}@commission-clsm`,
    title: `${CLSM_MEETING_KINDS[row.kind]} du CLSM`,
    description: row.subject || `Réunion ${ofBody(row.kind)} du Conseil local de santé mentale.`,
    place: row.place,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  });
}

export function clsmCalendar(ctx: ServiceContext, input: { meetingId: number }): DocumentFile {
  const row = clsmMeetingRow(ctx.db, input.meetingId);
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
  const ics = clsmMeetingIcs(ctx, row);
  ctx.audit('clsm.calendar', { type: 'clsmMeeting', id: row.id });
  return { fileName: icsName(row), mimeType: 'text/calendar', base64: Buffer.from(ics, 'utf8').toString('base64') };
}

export interface ClsmConvocationDrafts {
  folder: string;
  drafts: number;
  /** Invitees with no e-mail address (structures invited as such included): to be printed. */
  withoutEmail: { invitationId: number; name: string }[];
}

/** One e-mail draft per invitee with an address: their convocation and the calendar file attached. */
export async function mailClsmConvocations(ctx: ServiceContext, input: { meetingId: number }): Promise<ClsmConvocationDrafts> {
  const row = clsmMeetingRow(ctx.db, input.meetingId);
  const doc = documentInput(ctx, row);
  const invitations = invitationsOf(ctx.db, row.id);
  if (invitations.length === 0) throw new AppError('CLSM_NO_INVITEE');
  const folder = draftsFolder(ctx.db);
  const reachable = invitations.map((i) => ({ invitation: i, email: invitationEmail(ctx.db, i.id) })).filter((r) => r.email !== '');
  if (reachable.length === 0) throw new AppError('CLSM_NO_EMAIL');
  const ics = Buffer.from(clsmMeetingIcs(ctx, row), 'utf8');
  const from = senderOf(doc.letterhead);
  const signer = signatoryOf(ctx.db, ctx.actor.userId);
  const m = doc.meeting;
  const files: { fileName: string; bytes: Buffer }[] = [];
  for (const { invitation, email } of reachable) {
    const eml = await composeDraft({
      to: { name: invitation.name, address: email },
      from,
      subject: `Convocation — ${CLSM_MEETING_KINDS[row.kind]} du CLSM du ${formatLongDay(row.held_on)}`,
      text: [
        salutation(invitation.civility),
        '',
        `La coordination du Conseil local de santé mentale a le plaisir de vous inviter à la réunion ${ofBody(row.kind)}, le ${formatLongDay(m.heldOn)}, de ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)}${m.place ? `, ${toPlace(m.place)}` : ''}.`,
        '',
        'Vous trouverez ci-joints votre convocation, avec l’ordre du jour, et l’invitation à ajouter à votre agenda.',
        '',
        'En cas d’empêchement, merci de prévenir la coordination et, si vous le souhaitez, de vous faire représenter.',
        '',
        ...closing(signer, doc.letterhead),
      ].join('\n'),
      attachments: [
        {
          fileName: convocationName(row, invitation, 'pdf'),
          contentType: 'application/pdf',
          content: await clsmConvocationPdf(doc, addresseeOf(invitation)),
        },
        { fileName: icsName(row), contentType: 'text/calendar', content: ics },
      ],
      date: ctx.clock(),
    });
    files.push({ fileName: convocationName(row, invitation, 'eml'), bytes: eml });
  }
  const written = writeDrafts(folder, `convocations-${meetingSlug(row)}`, files);
  recordConvened(
    ctx,
    reachable.map((r) => r.invitation.id),
  );
  const withoutEmail = invitations
    .filter((i) => !reachable.some((r) => r.invitation.id === i.id))
    .map((i) => ({ invitationId: i.id, name: i.name }));
  ctx.audit('clsm.mailConvocations', { type: 'clsmMeeting', id: row.id }, `drafts=${files.length},no_email=${withoutEmail.length}`);
  return { folder: written, drafts: files.length, withoutEmail };
}
