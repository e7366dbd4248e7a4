// Signing certificates: the coordinator's own (one per user account) and, optionally, those of
// members who animate meetings. A certificate is created by the app (self-signed, in the holder's
// name, its fingerprint shown so it can be registered with the hospital) or imported as a .p12.
// Either way the .p12 is stored encrypted under its own password inside the encrypted database;
// signing asks for that password, so an open session alone cannot sign.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { CertificateError, CertificateSummary, createSelfSigned, fromP12, SigningIdentity, summarize, toP12 } from '../../pdf/certificate';
import { nowIso } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { staged } from '../common/staged';
import { getMember } from '../partners/members';

export type CertificateHolder =
  { kind: 'user'; id: number; name: string } | { kind: 'member'; id: number; name: string; structureName: string };

export interface CertificateView extends CertificateSummary {
  id: number;
  holder: CertificateHolder;
  origin: 'imported' | 'created';
  createdAt: string;
}

export interface CertificatesOverview {
  /** The signed-in user's certificate, which signs the minutes. */
  mine: CertificateView | null;
  /** Certificates of members who animate meetings: a second signature when they sign too. */
  animateurs: CertificateView[];
}

interface CertificateRow {
  id: number;
  user_id: number | null;
  member_id: number | null;
  p12: Buffer;
  origin: 'imported' | 'created';
  common_name: string;
  organization: string;
  issuer_common_name: string;
  fingerprint: string;
  valid_from: string;
  valid_to: string;
  self_signed: number;
  created_at: string;
  holder_name: string;
  structure_name: string | null;
}

const SELECT = `
  SELECT c.*, COALESCE(u.display_name, m.first_name || ' ' || m.last_name) AS holder_name, s.name AS structure_name
  FROM signing_certificates c
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN members m ON m.id = c.member_id
  LEFT JOIN structures s ON s.id = m.structure_id`;

function toView(row: CertificateRow): CertificateView {
  return {
    id: row.id,
    holder:
      row.user_id !== null
        ? { kind: 'user', id: row.user_id, name: row.holder_name }
        : { kind: 'member', id: row.member_id!, name: row.holder_name, structureName: row.structure_name ?? '' },
    origin: row.origin,
    createdAt: row.created_at,
    commonName: row.common_name,
    organization: row.organization || null,
    issuerCommonName: row.issuer_common_name,
    fingerprint: row.fingerprint,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    selfSigned: row.self_signed === 1,
  };
}

/** The certificate in use for a holder, or null. */
export function certificateOf(db: Db, holder: { userId: number } | { memberId: number }): CertificateRow | null {
  const row =
    'userId' in holder
      ? db.prepare(`${SELECT} WHERE c.user_id = ? AND c.retired_at IS NULL`).get(holder.userId)
      : db.prepare(`${SELECT} WHERE c.member_id = ? AND c.retired_at IS NULL`).get(holder.memberId);
  return (row as CertificateRow | undefined) ?? null;
}

export function certificateView(db: Db, holder: { userId: number } | { memberId: number }): CertificateView | null {
  const row = certificateOf(db, holder);
  return row ? toView(row) : null;
}

export function listCertificates(ctx: ServiceContext): CertificatesOverview {
  const animateurs = ctx.db
    .prepare(`${SELECT} WHERE c.member_id IS NOT NULL AND c.retired_at IS NULL ORDER BY holder_name COLLATE NOCASE`)
    .all() as CertificateRow[];
  ctx.audit('signing.certificates');
  return { mine: certificateView(ctx.db, { userId: ctx.actor.userId }), animateurs: animateurs.map(toView) };
}

/** A .p12 opened with its password, or the French reason it cannot be (wrong password named as given). */
function openP12(p12: Buffer, password: string, wrongPassword: 'CERTIFICATE_PASSWORD' | 'ANIMATEUR_CERTIFICATE_PASSWORD'): SigningIdentity {
  try {
    return fromP12(p12, password);
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    if (error.reason === 'password') throw new AppError(wrongPassword);
    throw new AppError(error.reason === 'content' ? 'CERTIFICATE_INVALID' : 'CERTIFICATE_NO_KEY');
  }
}

/**
 * Opens a stored certificate for one signature. A wrong password is the holder's mistake, named as
 * such; a certificate outside its validity is refused rather than producing an invalid signature.
 */
export function unlockCertificate(
  row: CertificateRow,
  password: string,
  at: Date,
  wrongPassword: 'CERTIFICATE_PASSWORD' | 'ANIMATEUR_CERTIFICATE_PASSWORD',
): SigningIdentity {
  const identity = openP12(row.p12, password, wrongPassword);
  const { notBefore, notAfter } = identity.certificate.validity;
  if (at < notBefore || at > notAfter) throw new AppError('CERTIFICATE_NOT_VALID_NOW');
  return identity;
}

interface HolderInput {
  memberId: number | null;
}

/** Stores a certificate for its holder, retiring the one it replaces (kept for the record). */
function store(
  ctx: ServiceContext,
  input: HolderInput,
  p12: Buffer,
  summary: CertificateSummary,
  origin: 'imported' | 'created',
): CertificatesOverview {
  const now = nowIso(ctx.clock);
  if (input.memberId !== null) {
    ctx.db.prepare('UPDATE signing_certificates SET retired_at = ? WHERE member_id = ? AND retired_at IS NULL').run(now, input.memberId);
  } else {
    ctx.db.prepare('UPDATE signing_certificates SET retired_at = ? WHERE user_id = ? AND retired_at IS NULL').run(now, ctx.actor.userId);
  }
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO signing_certificates (user_id, member_id, p12, origin, common_name, organization, issuer_common_name, fingerprint,
           valid_from, valid_to, self_signed, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.memberId === null ? ctx.actor.userId : null,
        input.memberId,
        p12,
        origin,
        summary.commonName,
        summary.organization ?? '',
        summary.issuerCommonName,
        summary.fingerprint,
        summary.validFrom,
        summary.validTo,
        summary.selfSigned ? 1 : 0,
        ctx.actor.userId,
        now,
      ).lastInsertRowid,
  );
  // The fingerprint identifies a public certificate: it may be recorded; the holder's name is not.
  ctx.audit(
    origin === 'created' ? 'signing.create' : 'signing.import',
    { type: 'certificate', id },
    input.memberId === null ? 'holder=user' : `member=${input.memberId}`,
  );
  return listCertificates(ctx);
}

function assertHolder(ctx: ServiceContext, input: HolderInput): void {
  if (input.memberId !== null && !getMember(ctx.db, input.memberId).active) throw new AppError('MEMBER_INACTIVE');
}

/** Key generation is slow: it runs before the transaction. */
export const createCertificate = staged({
  prepare(ctx: ServiceContext, input: HolderInput & { commonName: string; organization: string; password: string }) {
    assertHolder(ctx, input);
    const identity = createSelfSigned({ commonName: input.commonName, organization: input.organization, now: ctx.clock() });
    return Promise.resolve({ p12: toP12(identity, input.password), summary: summarize(identity.certificate) });
  },
  commit(ctx, input, prepared) {
    return store(ctx, input, prepared.p12, prepared.summary, 'created');
  },
});

export const importCertificate = staged({
  prepare(ctx: ServiceContext, input: HolderInput & { base64: string; password: string }) {
    assertHolder(ctx, input);
    const p12 = Buffer.from(input.base64, 'base64');
    const identity = openP12(p12, input.password, 'CERTIFICATE_PASSWORD');
    return Promise.resolve({ p12, summary: summarize(identity.certificate) });
  },
  commit(ctx, input, prepared) {
    return store(ctx, input, prepared.p12, prepared.summary, 'imported');
  },
});

export function retireCertificate(ctx: ServiceContext, input: { certificateId: number }): CertificatesOverview {
  const row = ctx.db
    .prepare('SELECT user_id, member_id FROM signing_certificates WHERE id = ? AND retired_at IS NULL')
    .get(input.certificateId) as { user_id: number | null; member_id: number | null } | undefined;
  // The coordinator retires their own certificate or an animateur's, never another user's.
  if (!row || (row.user_id !== null && row.user_id !== ctx.actor.userId)) throw new AppError('CERTIFICATE_NOT_FOUND');
  ctx.db.prepare('UPDATE signing_certificates SET retired_at = ? WHERE id = ?').run(nowIso(ctx.clock), input.certificateId);
  ctx.audit('signing.retire', { type: 'certificate', id: input.certificateId });
  return listCertificates(ctx);
}
