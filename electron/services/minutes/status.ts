// What the « Compte rendu » tab shows: the signed documents, who can sign, who receives extracts.
import type { ServiceContext } from '../context';
import { disclosureReasons, GateReason } from '../gates';
import { meetingDetail } from '../meetings/meetings';
import { certificateView, CertificateView } from './certificates';
import { minutesInput } from '../meetings/minutes';
import { approvalLine, approvalOf, recordDigest } from './approval-state';
import { extractItem, Recipient, recipientsOf } from './documents';
import { signedDocuments, SignedDocumentView } from './signed-documents';
import { minutesDestruction } from '../retention/minutes';

export interface MinutesStatus {
  meetingId: number;
  state: string;
  documents: SignedDocumentView[];
  /** Destroyed at the end of their retention (G9): the digests stay, nothing is printed any more. */
  destroyedOn: string | null;
  /** Who signs: the signed-in coordinator's certificate and the animateur's, if any. */
  coordinatorCertificate: CertificateView | null;
  animateur: { memberId: number; name: string; certificate: CertificateView | null };
  /** The animateur's approval of the record as it stands, and how the signature block will read. */
  approval: { state: 'pending' | 'approved' | 'stale' | 'recorded'; line: string };
  /** The signed-in user is the animation user linked to this meeting's animateur. */
  canApprove: boolean;
  /** The « points discutés » outside the situations. */
  otherPoints: string;
  /**
   * Convened members and substitutes: each receives an extract — these items, by code, `named` when
   * the extract gives the person's name — and each participant an attestation.
   */
  recipients: (Recipient & { extract: { code: string; named: boolean }[]; refusedReasons: GateReason[] })[];
}

export function minutesStatus(ctx: ServiceContext, meetingId: number): MinutesStatus {
  const meeting = meetingDetail(ctx, meetingId);
  const record = meeting.state === 'held' || meeting.state === 'minutes_signed' ? minutesInput(ctx, meetingId, false) : null;
  const items = record?.items ?? [];
  const approval = record ? approvalOf(ctx.db, meetingId, recordDigest(record)) : null;
  const linked = ctx.db.prepare('SELECT member_id FROM users WHERE id = ?').pluck().get(ctx.actor.userId) as number | null;
  return {
    meetingId,
    state: meeting.state,
    documents: signedDocuments(ctx.db, meetingId),
    destroyedOn: minutesDestruction(ctx.db, meetingId)?.destroyedOn ?? null,
    coordinatorCertificate: certificateView(ctx.db, { userId: ctx.actor.userId }),
    animateur: {
      memberId: meeting.animateur.id,
      name: meeting.animateur.displayName,
      certificate: certificateView(ctx.db, { memberId: meeting.animateur.id }),
    },
    approval: {
      state: !approval ? 'pending' : approval.kind === 'recorded' ? 'recorded' : approval.current ? 'approved' : 'stale',
      line: approvalLine(approval),
    },
    canApprove: ctx.actor.role === 'animateur' && linked === meeting.animateur.id && meeting.state === 'held',
    otherPoints: record?.otherPoints ?? '',
    recipients: recipientsOf(meeting, ctx.db).map((r) => {
      /** G3 today: why this member receives no extract at all (empty when they may). */
      const refusedReasons = disclosureReasons(ctx, {
        situationId: null,
        recipient: { kind: 'member', memberId: r.memberId },
        use: 'extract',
        day: ctx.today,
      });
      const extract = refusedReasons.length > 0 ? [] : items.map((i) => extractItem(ctx.db, r, i, ctx.today));
      return { ...r, refusedReasons, extract: extract.flatMap((i) => (i ? [{ code: i.code, named: Boolean(i.person) }] : [])) };
    }),
  };
}

export function viewMinutesStatus(ctx: ServiceContext, input: { meetingId: number }): MinutesStatus {
  const status = minutesStatus(ctx, input.meetingId);
  ctx.audit('minutes.status', { type: 'meeting', id: input.meetingId });
  return status;
}
