// An extract sent by e-mail: the same extract as the printed one, under the same gates, encrypted
// with AES-256 under a random password; the draft carries the encrypted PDF only. The password is
// returned once, for the coordinator to give by telephone: it is never in the mail, never stored,
// never in the audit — the trail records that a draft was made and, later, that the password was given.
import { AppError } from '../../errors';
import { formatLongDay } from '../../shared/dates';
import { salutation, type Civility } from '../../shared/french';
import type { ServiceContext } from '../context';
import { closing, composeDraft, senderOf } from '../mail/draft';
import { draftsFolder, writeDraft } from '../mail/folder';
import { attachmentPassword } from '../mail/password';
import { meetingDetail, meetingRow } from '../meetings/meetings';
import { letterheadOf } from '../settings/letterhead';
import { signatoryOf } from '../users/users';
import { extractFor, recipientsOf } from './documents';

export interface ExtractDraft {
  /** The `.eml` file written. */
  file: string;
  recipientName: string;
  /** Shown once, to be read over the telephone. */
  password: string;
}

export async function mailExtract(ctx: ServiceContext, input: { meetingId: number; memberId: number }): Promise<ExtractDraft> {
  const folder = draftsFolder(ctx.db);
  const password = attachmentPassword();
  const extract = await extractFor(ctx, input, password);
  const contact = ctx.db.prepare('SELECT email, civility FROM members WHERE id = ?').get(input.memberId) as {
    email: string;
    civility: Civility;
  };
  if (contact.email.trim() === '') throw new AppError('MEMBER_NO_EMAIL');
  const heldOn = meetingRow(ctx.db, input.meetingId).held_on;
  const letterhead = letterheadOf(ctx.db);
  const signer = signatoryOf(ctx.db, ctx.actor.userId);
  const eml = await composeDraft({
    to: { name: extract.recipient.displayName, address: contact.email.trim() },
    from: senderOf(letterhead),
    subject: `Extrait du compte rendu — Commission de réflexion et d’aide du ${formatLongDay(heldOn)}`,
    text: [
      salutation(contact.civility),
      '',
      `Vous trouverez ci-joint l’extrait du compte rendu de la séance du ${formatLongDay(heldOn)} qui vous concerne.`,
      'Le fichier est chiffré : son mot de passe vous est communiqué par téléphone par la coordination. Il n’est jamais envoyé par courriel.',
      'Ce document est confidentiel : merci de ne pas le transférer et de ne pas l’enregistrer hors de votre dossier professionnel.',
      '',
      ...closing(signer, letterhead),
    ].join('\n'),
    attachments: [{ fileName: extract.fileName, contentType: 'application/pdf', content: extract.pdf }],
    date: ctx.clock(),
  });
  const file = writeDraft(folder, extract.fileName.replace(/\.pdf$/, ''), eml);
  ctx.audit('minutes.mailExtract', { type: 'meeting', id: input.meetingId }, extract.detail);
  return { file, recipientName: extract.recipient.displayName, password };
}

/** The coordinator says the password was given (by telephone): the fact is audited, the password is not. */
export function recordPasswordGiven(ctx: ServiceContext, input: { meetingId: number; memberId: number }): { recorded: true } {
  const row = meetingRow(ctx.db, input.meetingId);
  if (row.state !== 'minutes_signed') throw new AppError('MINUTES_NOT_SIGNED');
  if (!recipientsOf(meetingDetail(ctx, input.meetingId), ctx.db).some((r) => r.memberId === input.memberId))
    throw new AppError('MEMBER_NOT_RECIPIENT');
  ctx.audit('minutes.extractPasswordGiven', { type: 'meeting', id: input.meetingId }, `member=${input.memberId}`);
  return { recorded: true };
}
