// Signing the minutes: the held meeting's compte rendu is rendered with its visible signature block,
// then signed (PAdES B-B) with the coordinator's certificate and, when the animateur has one and
// types its password, a second signature in an incremental update. The signed PDF is stored as
// signed and the meeting is locked (minutes_signed; a trigger keeps the deliberations as signed).
// A correction is an addendum: its own PDF, signed the same way, pointing at the minutes' digest.
// Rendering and signing are slow: they run before the transaction (staged), and the commit checks
// that nothing changed meanwhile.
import { createHash } from 'node:crypto';
import { letterheadOf } from '../settings/letterhead';
import { AppError } from '../../errors';
import type { SigningIdentity } from '../../pdf/certificate';
import { signPdf } from '../../pdf/pades';
import { auditHeadMark, formatAnchor } from '../audit/verify';
import { addendumPdf, minutesPdf, SignatureBlockInput, SignatureLine } from '../../pdf/minutes';
import { nowIso, today } from '../../shared/dates';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { meetingFacts } from '../meetings/documents';
import { meetingDetail, meetingRow } from '../meetings/meetings';
import { minutesInput } from '../meetings/minutes';
import { memberDisplayName } from '../partners/text';
import { readSetting } from '../settings/settings';
import { assertNoPersonName } from '../situations/shared-text';
import { certificateOf, unlockCertificate } from './certificates';
import { approvalLine, approvalOf, recordDigest } from './approval-state';
import { signedDocuments, SignerRecord } from './signed-documents';
import { minutesStatus, MinutesStatus } from './status';

export interface Signer {
  /** Null for a signer without a certificate: named in the visible block only. */
  identity: SigningIdentity | null;
  record: SignerRecord;
}

/** Unlocks the certificates that will sign: the coordinator's always, the animateur's when asked. */
function signersFor(
  ctx: ServiceContext,
  meetingId: number,
  input: { password: string; animateurPassword: string | null },
  kind: 'minutes' | 'addendum',
): Signer[] {
  const at = ctx.clock();
  const own = certificateOf(ctx.db, { userId: ctx.actor.userId });
  if (!own) throw new AppError('CERTIFICATE_MISSING');
  const signers: Signer[] = [
    {
      identity: unlockCertificate(own, input.password, at, 'CERTIFICATE_PASSWORD'),
      record: { role: 'coordinator', name: ctx.actor.displayName, commonName: own.common_name, fingerprint: own.fingerprint },
    },
  ];
  const meeting = meetingRow(ctx.db, meetingId);
  const animateurs = certificateOf(ctx.db, { memberId: meeting.animateur_member_id });
  const name = memberDisplayName({ firstName: meeting.animateur_first, lastName: meeting.animateur_last });
  const animateur: SignerRecord = { role: 'animateur', name, commonName: null, fingerprint: null };
  if (animateurs && input.animateurPassword) {
    signers.push({
      identity: unlockCertificate(animateurs, input.animateurPassword, at, 'ANIMATEUR_CERTIFICATE_PASSWORD'),
      record: { ...animateur, commonName: animateurs.common_name, fingerprint: animateurs.fingerprint },
    });
  } else {
    // Without their certificate, the animateur's line is their own approval of this very record,
    // or the coordination's note of why it is missing: never a line printed in their name.
    if (kind === 'addendum') {
      // An addendum is the coordination's correction: said as such when the animateur does not sign it.
      signers.push({
        identity: null,
        record: { ...animateur, statement: 'Additif signé par la coordination seule, sans signature de l’animateur.' },
      });
    } else {
      const approval = approvalOf(ctx.db, meetingId, recordDigest(minutesInput(ctx, meetingId, false)));
      if (!approval || (approval.kind === 'approved' && !approval.current)) throw new AppError('MINUTES_APPROVAL_MISSING');
      signers.push({ identity: null, record: { ...animateur, statement: approvalLine(approval) } });
    }
  }
  return signers;
}

function block(ctx: ServiceContext, signers: Signer[]): SignatureBlockInput {
  const line = (r: SignerRecord): SignatureLine => ({
    role: r.role === 'coordinator' ? 'La coordination du CLSM' : 'L’animateur de la séance',
    name: r.name,
    certificate: r.commonName && r.fingerprint ? { commonName: r.commonName, fingerprint: r.fingerprint } : null,
    ...(r.statement ? { statement: r.statement } : {}),
  });
  // The animateur first, as in the CLSM's own minutes; then the coordination.
  return { signedOn: ctx.today, signers: [...signers].reverse().map((s) => line(s.record)) };
}

/** The cryptographic signatures, one incremental update each: the coordinator first. */
export async function applySignatures(ctx: ServiceContext, pdf: Buffer, signers: Signer[], reason: string): Promise<Buffer> {
  let signed = pdf;
  // The signature's place is the city of « Fait à … » (the letterhead's), else the establishment.
  const establishment = readSetting(ctx.db, 'establishmentName') ?? '';
  const city = readSetting(ctx.db, 'letterhead')?.city.trim() ?? '';
  for (const signer of signers) {
    if (!signer.identity || !signer.record.commonName) continue;
    signed = await signPdf(signed, signer.identity, {
      name: signer.record.commonName,
      reason,
      location: city || establishment,
      contactInfo: establishment,
      signingTime: ctx.clock(),
    });
  }
  return signed;
}

export const digest = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function insertDocument(
  ctx: ServiceContext,
  meetingId: number,
  doc: { sequence: number; kind: 'minutes' | 'addendum'; body: string | null; pdf: Buffer; signers: SignerRecord[] },
): void {
  ctx.db
    .prepare(
      `INSERT INTO minutes_documents (meeting_id, sequence, kind, body, pdf, sha256, signers, signed_by, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meetingId,
      doc.sequence,
      doc.kind,
      doc.body,
      doc.pdf,
      digest(doc.pdf),
      JSON.stringify(doc.signers),
      ctx.actor.userId,
      nowIso(ctx.clock),
    );
}

export const signMinutes = staged({
  async prepare(ctx: ServiceContext, input: { meetingId: number; password: string; animateurPassword: string | null }) {
    const meeting = meetingRow(ctx.db, input.meetingId);
    if (meeting.state === 'minutes_signed') throw new AppError('MINUTES_SIGNED');
    const content = minutesInput(ctx, input.meetingId, false);
    const signers = signersFor(ctx, input.meetingId, input, 'minutes');
    const pdf = await minutesPdf({ ...content, signature: block(ctx, signers), auditAnchor: formatAnchor(auditHeadMark(ctx.db)) });
    const signed = await applySignatures(ctx, pdf, signers, `Compte rendu de la seance du ${content.meeting.heldOn}`);
    return { signed, contentDigest: digest(JSON.stringify(content)), signers: signers.map((s) => s.record) };
  },
  commit(ctx, input, prepared): MinutesStatus {
    const meeting = meetingRow(ctx.db, input.meetingId);
    if (meeting.state === 'minutes_signed') throw new AppError('MINUTES_SIGNED');
    // Someone edited the draft while it was being signed: what was signed is no longer the record.
    if (digest(JSON.stringify(minutesInput(ctx, input.meetingId, false))) !== prepared.contentDigest) throw new AppError('MINUTES_CHANGED');
    insertDocument(ctx, input.meetingId, { sequence: 0, kind: 'minutes', body: null, pdf: prepared.signed, signers: prepared.signers });
    ctx.db.prepare(`UPDATE meetings SET state = 'minutes_signed', updated_at = ? WHERE id = ?`).run(nowIso(ctx.clock), input.meetingId);
    ctx.audit(
      'minutes.sign',
      { type: 'meeting', id: input.meetingId },
      `signatures=${prepared.signers.filter((s) => s.commonName).length}`,
    );
    return minutesStatus(ctx, input.meetingId);
  },
});

export const signAddendum = staged({
  async prepare(ctx: ServiceContext, input: { meetingId: number; text: string; password: string; animateurPassword: string | null }) {
    const documents = signedDocuments(ctx.db, input.meetingId);
    const minutes = documents[0];
    if (!minutes) throw new AppError('MINUTES_NOT_SIGNED');
    const sequence = documents.length;
    // An addendum goes with the minutes to every recipient: no name of any person the meeting examined.
    const situations = ctx.db
      .prepare('SELECT situation_id FROM agenda_items WHERE meeting_id = ?')
      .pluck()
      .all(input.meetingId) as number[];
    assertNoPersonName(ctx.db, situations, { text: input.text });
    const signers = signersFor(ctx, input.meetingId, input, 'addendum');
    const meeting = meetingDetail(ctx, input.meetingId);
    const pdf = await addendumPdf({
      letterhead: letterheadOf(ctx.db),
      meeting: meetingFacts(meeting),
      sequence,
      text: input.text,
      minutesSignedOn: today(() => new Date(minutes.signedAt)),
      minutesDigest: minutes.sha256,
      signature: block(ctx, signers),
      auditAnchor: formatAnchor(auditHeadMark(ctx.db)),
    });
    const signed = await applySignatures(ctx, pdf, signers, `Additif ${sequence} au compte rendu du ${meeting.heldOn}`);
    return { signed, sequence, signers: signers.map((s) => s.record) };
  },
  commit(ctx, input, prepared): MinutesStatus {
    if (signedDocuments(ctx.db, input.meetingId).length !== prepared.sequence) throw new AppError('MINUTES_CHANGED');
    insertDocument(ctx, input.meetingId, {
      sequence: prepared.sequence,
      kind: 'addendum',
      body: input.text,
      pdf: prepared.signed,
      signers: prepared.signers,
    });
    ctx.audit('minutes.addendum', { type: 'meeting', id: input.meetingId }, `sequence=${prepared.sequence}`);
    return minutesStatus(ctx, input.meetingId);
  },
});
