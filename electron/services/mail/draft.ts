// An e-mail draft as a `.eml` file: the hospital's mail client (Outlook, Thunderbird) opens it as a
// message ready to send (`X-Unsent: 1`), so the app never speaks SMTP and never holds a mail
// password. The MIME is written by nodemailer's MailComposer (maintained, RFC 2047/2231 encoding of
// accented names and file names) rather than by hand.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Letterhead } from '../../pdf/letterhead';
import { coordinatorTitle, type Civility } from '../../shared/french';

export interface DraftAttachment {
  fileName: string;
  contentType: 'application/pdf' | 'text/calendar';
  content: Buffer;
}

export interface Draft {
  to: { name: string; address: string };
  /** The coordination's address from the letterhead; without it the mail client fills in the sender. */
  from: { name: string; address: string } | null;
  subject: string;
  text: string;
  attachments: DraftAttachment[];
  date: Date;
}

export function composeDraft(draft: Draft): Promise<Buffer> {
  const composer = new MailComposer({
    to: draft.to,
    ...(draft.from ? { from: draft.from } : {}),
    subject: draft.subject,
    text: draft.text,
    date: draft.date,
    headers: { 'X-Unsent': '1' },
    attachments: draft.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
    // Attachments are always bytes built here: never a path or a URL read at composition time.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

/** The coordination as sender: its address from the letterhead, or none (the mail client fills it in). */
export function senderOf(letterhead: Letterhead): Draft['from'] {
  return letterhead.email ? { name: letterhead.service || letterhead.establishmentName, address: letterhead.email } : null;
}

/** The closing lines of every mail: the coordinator's name and title, the establishment, the telephone. */
export function closing(signer: { name: string; civility: Civility }, letterhead: Letterhead): string[] {
  const title = coordinatorTitle(signer.civility);
  return [
    'Bien cordialement,',
    '',
    signer.name,
    `${title.charAt(0).toUpperCase()}${title.slice(1)} du CLSM`,
    ...[letterhead.establishmentName, letterhead.phone].filter(Boolean),
  ];
}
