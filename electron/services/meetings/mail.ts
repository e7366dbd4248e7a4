// Convocations sent as the hospital sends them: one e-mail draft per convened member who has an
// address in the directory, carrying their own convocation (the same PDF, under the same gates, as
// the printed one) and the meeting's `.ics`. The drafts are written to the chosen folder for the mail
// client to send; a member without an address is named back so their convocation is printed.
import { formatLongDay, formatTime } from '../../shared/dates';
import { salutation, toPlace, type Civility } from '../../shared/french';
import { AppError } from '../../errors';
import { convocationPdf } from '../../pdf/meeting-documents';
import { fileSlug } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates } from '../gates';
import { closing, composeDraft, senderOf } from '../mail/draft';
import { draftsFolder, writeDrafts } from '../mail/folder';
import { signatoryOf } from '../users/users';
import { addresseeOf, agendaChecks, convenedOf, convocationDigest, recordConvocationPrints } from './convocations';
import { charterCheck, icsFileName, meetingDocument, meetingIcs } from './documents';
import { meetingDetail } from './meetings';

export interface ConvocationDrafts {
  /** The folder the drafts were written to, for the page to show. */
  folder: string;
  drafts: number;
  /** Convened members with no e-mail address: their convocation is to be printed. */
  withoutEmail: { memberId: number; displayName: string }[];
}

interface Contact {
  email: string;
  civility: Civility;
}

function contactsOf(ctx: ServiceContext, memberIds: number[]): Map<number, Contact> {
  const read = ctx.db.prepare('SELECT email, civility FROM members WHERE id = ?');
  return new Map(memberIds.map((id) => [id, read.get(id) as Contact]));
}

export async function mailConvocations(ctx: ServiceContext, input: { meetingId: number }): Promise<ConvocationDrafts> {
  const doc = meetingDocument(ctx, input.meetingId);
  const members = convenedOf(doc.attendance);
  if (members.length === 0) throw new AppError('MEETING_NOT_CONVENED');
  // The same gates as the printed convocations: every convened member, every item on the agenda.
  assertGates(ctx, ...members.map((m) => charterCheck(m.memberId, doc.meeting.heldOn)), ...agendaChecks(doc, 'convocation'));
  const folder = draftsFolder(ctx.db);
  const contacts = contactsOf(
    ctx,
    members.map((m) => m.memberId),
  );
  const reachable = members.filter((m) => contacts.get(m.memberId)!.email.trim() !== '');
  if (reachable.length === 0) throw new AppError('MEETING_NO_EMAIL');

  const meeting = meetingDetail(ctx, input.meetingId);
  const ics = Buffer.from(meetingIcs(ctx, meeting), 'utf8');
  const letterhead = doc.letterhead;
  const from = senderOf(letterhead);
  const signer = signatoryOf(ctx.db, ctx.actor.userId);
  const files: { fileName: string; bytes: Buffer }[] = [];
  const printed: { memberId: number; digest: string }[] = [];
  for (const member of reachable) {
    const to = addresseeOf(ctx, doc, member, 'convocation');
    const contact = contacts.get(member.memberId)!;
    const slug = fileSlug(member.displayName);
    const eml = await composeDraft({
      to: { name: member.displayName, address: contact.email.trim() },
      from,
      subject: `Convocation — Commission de réflexion et d’aide du ${formatLongDay(doc.meeting.heldOn)}`,
      text: [
        salutation(contact.civility),
        '',
        `La coordination du Conseil local de santé mentale vous invite à la séance de la Commission de réflexion et d’aide le ${formatLongDay(doc.meeting.heldOn)}, de ${formatTime(doc.meeting.startsAt)} à ${formatTime(doc.meeting.endsAt)}, ${toPlace(doc.meeting.place)}.`,
        '',
        'Vous trouverez ci-joints votre convocation, avec l’ordre du jour, et l’invitation à ajouter à votre agenda.',
        'Les situations y sont désignées par un code : merci de ne répondre à ce message avec aucune information nominative.',
        '',
        'En cas d’empêchement, merci de prévenir la coordination et de lui indiquer, le cas échéant, le nom de votre suppléant.',
        '',
        ...closing(signer, letterhead),
      ].join('\n'),
      attachments: [
        {
          fileName: `convocation-${doc.meeting.heldOn}-${slug}.pdf`,
          contentType: 'application/pdf',
          content: await convocationPdf(doc, to),
        },
        { fileName: icsFileName(meeting), contentType: 'text/calendar', content: ics },
      ],
      date: ctx.clock(),
    });
    files.push({ fileName: `convocation-${doc.meeting.heldOn}-${slug}.eml`, bytes: eml });
    printed.push({ memberId: member.memberId, digest: convocationDigest(doc, to) });
  }
  const written = writeDrafts(folder, `convocations-${doc.meeting.heldOn}`, files);
  // A draft sent is a convocation given: it is tracked like a print, and flagged stale like one.
  recordConvocationPrints(ctx, doc.meetingId, printed);
  const withoutEmail = members
    .filter((m) => !reachable.includes(m))
    .map((m) => ({ memberId: m.memberId, displayName: m.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  ctx.audit(
    'meetings.mailConvocations',
    { type: 'meeting', id: input.meetingId },
    `drafts=${files.length},without_email=${withoutEmail.length}`,
  );
  return { folder: written, drafts: files.length, withoutEmail };
}
