// Signing the minutes of a CLSM meeting: the coordination signs (PAdES, with the coordinator's
// certificate, as for the commission's minutes), the record is then kept as signed (triggers), and a
// correction is an addendum signed the same way. Rendering and signing are slow: they run before the
// transaction (staged), and the commit checks that nothing changed meanwhile.
import { AppError } from '../../errors';
import { clsmAddendumPdf, clsmMinutesWithPlan } from '../../pdf/clsm-minutes';
import { nowIso, today } from '../../shared/dates';
import { DocumentFile, pdfFile } from '../common/documents';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { auditHeadMark, formatAnchor } from '../audit/verify';
import { certificateOf, unlockCertificate } from '../minutes/certificates';
import { applySignatures, digest, Signer } from '../minutes/signing';
import type { SignerRecord } from '../minutes/signed-documents';
import type { SignatureBlockInput } from '../../pdf/minutes';
import { letterheadOf } from '../settings/letterhead';
import { minutesContent } from './minutes';
import { clsmMeetingDetail, ClsmMeetingDetail, clsmMeetingRow, invitationsOf, isSigned, meetingHead, signedDocumentsOf } from './views';

function coordination(ctx: ServiceContext, password: string): Signer {
  const own = certificateOf(ctx.db, { userId: ctx.actor.userId });
  if (!own) throw new AppError('CERTIFICATE_MISSING');
  return {
    identity: unlockCertificate(own, password, ctx.clock(), 'CERTIFICATE_PASSWORD'),
    record: { role: 'coordinator', name: ctx.actor.displayName, commonName: own.common_name, fingerprint: own.fingerprint },
  };
}

const block = (ctx: ServiceContext, signer: SignerRecord): SignatureBlockInput => ({
  signedOn: ctx.today,
  signers: [
    {
      role: 'La coordination du CLSM',
      name: signer.name,
      certificate: signer.commonName && signer.fingerprint ? { commonName: signer.commonName, fingerprint: signer.fingerprint } : null,
    },
  ],
});

/** Held, attendance settled, an agenda: what signing asks of the record. */
function assertSignable(ctx: ServiceContext, meetingId: number): void {
  const row = clsmMeetingRow(ctx.db, meetingId);
  if (isSigned(ctx.db, meetingId)) throw new AppError('CLSM_MEETING_LOCKED');
  if (row.status !== 'held') throw new AppError('CLSM_NOT_HELD');
  const invitations = invitationsOf(ctx.db, meetingId);
  if (invitations.length === 0) throw new AppError('CLSM_NO_INVITEE');
  if (invitations.some((i) => i.attendance === 'invited')) throw new AppError('CLSM_ATTENDANCE_UNSETTLED');
  if (!ctx.db.prepare('SELECT 1 FROM clsm_points WHERE meeting_id = ?').get(meetingId)) throw new AppError('CLSM_NO_POINT');
}

function insertDocument(
  ctx: ServiceContext,
  meetingId: number,
  doc: { sequence: number; kind: 'minutes' | 'addendum'; body: string | null; pdf: Buffer; signer: SignerRecord },
): void {
  ctx.db
    .prepare(
      `INSERT INTO clsm_minutes_documents (meeting_id, sequence, kind, body, pdf, sha256, signers, signed_by, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meetingId,
      doc.sequence,
      doc.kind,
      doc.body,
      doc.pdf,
      digest(doc.pdf),
      JSON.stringify([doc.signer]),
      ctx.actor.userId,
      nowIso(ctx.clock),
    );
}

export const signClsmMinutes = staged({
  async prepare(ctx: ServiceContext, input: { meetingId: number; password: string }) {
    assertSignable(ctx, input.meetingId);
    const content = minutesContent(ctx, input.meetingId);
    const signer = coordination(ctx, input.password);
    const pdf = await clsmMinutesWithPlan({
      ...content,
      letterhead: letterheadOf(ctx.db),
      draft: false,
      signature: block(ctx, signer.record),
      auditAnchor: formatAnchor(auditHeadMark(ctx.db)),
    });
    const signed = await applySignatures(ctx, pdf, [signer], `Compte rendu du ${content.meeting.heldOn}`);
    return { signed, contentDigest: digest(JSON.stringify(content)), signer: signer.record };
  },
  commit(ctx, input, prepared): ClsmMeetingDetail {
    assertSignable(ctx, input.meetingId);
    // Someone edited the record while it was being signed: what was signed is no longer the record.
    if (digest(JSON.stringify(minutesContent(ctx, input.meetingId))) !== prepared.contentDigest) throw new AppError('CLSM_MINUTES_CHANGED');
    insertDocument(ctx, input.meetingId, { sequence: 0, kind: 'minutes', body: null, pdf: prepared.signed, signer: prepared.signer });
    ctx.audit('clsm.signMinutes', { type: 'clsmMeeting', id: input.meetingId }, 'signatures=1');
    return clsmMeetingDetail(ctx.db, input.meetingId);
  },
});

export const signClsmAddendum = staged({
  async prepare(ctx: ServiceContext, input: { meetingId: number; text: string; password: string }) {
    const documents = signedDocumentsOf(ctx.db, input.meetingId);
    const minutes = documents[0];
    if (!minutes) throw new AppError('CLSM_MINUTES_NOT_SIGNED');
    const sequence = documents.length;
    const signer = coordination(ctx, input.password);
    const row = clsmMeetingRow(ctx.db, input.meetingId);
    const pdf = await clsmAddendumPdf({
      letterhead: letterheadOf(ctx.db),
      meeting: meetingHead(row),
      sequence,
      text: input.text,
      minutesSignedOn: today(() => new Date(minutes.signedAt)),
      minutesDigest: minutes.sha256,
      signature: block(ctx, signer.record),
      auditAnchor: formatAnchor(auditHeadMark(ctx.db)),
    });
    const signed = await applySignatures(ctx, pdf, [signer], `Additif ${sequence} au compte rendu du ${row.held_on}`);
    return { signed, sequence, signer: signer.record };
  },
  commit(ctx, input, prepared): ClsmMeetingDetail {
    if (signedDocumentsOf(ctx.db, input.meetingId).length !== prepared.sequence) throw new AppError('CLSM_MINUTES_CHANGED');
    insertDocument(ctx, input.meetingId, {
      sequence: prepared.sequence,
      kind: 'addendum',
      body: input.text,
      pdf: prepared.signed,
      signer: prepared.signer,
    });
    ctx.audit('clsm.addendum', { type: 'clsmMeeting', id: input.meetingId }, `sequence=${prepared.sequence}`);
    return clsmMeetingDetail(ctx.db, input.meetingId);
  },
});

/** A signed document exactly as signed (every print audited). */
export function printClsmSignedDocument(ctx: ServiceContext, input: { documentId: number }): DocumentFile {
  const row = ctx.db
    .prepare(
      'SELECT d.meeting_id, d.sequence, d.kind, d.pdf, m.held_on, m.kind AS meeting_kind FROM clsm_minutes_documents d JOIN clsm_meetings m ON m.id = d.meeting_id WHERE d.id = ?',
    )
    .get(input.documentId) as
    { meeting_id: number; sequence: number; kind: 'minutes' | 'addendum'; pdf: Buffer; held_on: string; meeting_kind: string } | undefined;
  if (!row) throw new AppError('CLSM_DOCUMENT_NOT_FOUND');
  ctx.audit('clsm.minutesDocument', { type: 'clsmMeeting', id: row.meeting_id }, `sequence=${row.sequence}`);
  const body = `${row.meeting_kind.replace(/_/g, '-')}-${row.held_on}`;
  return pdfFile(row.kind === 'minutes' ? `compte-rendu-signe-${body}.pdf` : `additif-${row.sequence}-compte-rendu-${body}.pdf`, row.pdf);
}
