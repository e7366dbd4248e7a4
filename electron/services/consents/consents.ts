// The person's consent (CSP L1110-4 III, D1110-3-1 to D1110-3-3; GDPR art. 7 and 9): recorded with
// its legal content, immutable once recorded (a new record supersedes it, the history stays), the
// signed form kept encrypted in the database, and withdrawn in one action (G7) that closes the
// situation at once — what was done before stays lawful (GDPR 7(3)).
import { AppError } from '../../errors';
import { addMonths, nowIso } from '../../shared/dates';
import { DocumentFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { getMember } from '../partners/members';
import { readSetting } from '../settings/settings';
import { CURRENT_CONSENT } from '../situations/gates';
import { closeWith } from '../situations/lifecycle';
import { consentRow } from './views';
import { SituationDetail, situationDetail, situationRow } from '../situations/situations';
import { checkScan, SCAN_EXTENSIONS, ScanType } from './scan';
import type { ConsentInput } from './schema';

function storeScan(ctx: ServiceContext, consentId: number, base64: string): void {
  const scan = checkScan(base64);
  ctx.db
    .prepare(
      'INSERT INTO consent_scans (consent_id, mime_type, size, sha256, content, attached_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(consentId, scan.mimeType, scan.size, scan.sha256, scan.content, ctx.actor.userId, nowIso(ctx.clock));
}

export function recordConsent(ctx: ServiceContext, input: ConsentInput): SituationDetail {
  const situation = situationRow(ctx.db, input.situationId);
  if (situation.state === 'closed') throw new AppError('SITUATION_CLOSED');
  if (situation.state === 'received' || situation.state === 'rejected') throw new AppError('SITUATION_NOT_ELIGIBLE');
  getMember(ctx.db, input.collectedByMemberId);
  const known = ctx.db
    .prepare('SELECT count(*) FROM structures WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(input.excludedStructureIds)) as number;
  if (known !== new Set(input.excludedStructureIds).size) throw new AppError('STRUCTURE_TO_EXCLUDE_UNKNOWN');
  const previous = ctx.db.prepare(CURRENT_CONSENT).get(situation.id) as { collected_on: string } | undefined;
  if (previous && input.collectedOn < previous.collected_on) throw new AppError('CONSENT_BEFORE_PREVIOUS');
  const months = readSetting(ctx.db, 'consentReconfirmMonths');
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO consents (situation_id, collected_on, collected_by_member_id, mode, witness, info_data_categories, info_professionals,
          info_supports, info_security, allowed_categories, excluded_structures, identity_sharing, legal_protection, representative,
          representative_address, representative_agreement, attendance, attendance_representative, reconfirm_by, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        situation.id,
        input.collectedOn,
        input.collectedByMemberId,
        input.mode,
        input.mode === 'oral_witnessed' ? input.witness : null,
        ...(['dataCategories', 'professionals', 'supports', 'security'] as const).map((item) => (input.information[item] ? 1 : 0)),
        JSON.stringify([...new Set(input.allowedCategories)]),
        JSON.stringify([...new Set(input.excludedStructureIds)]),
        input.identitySharing,
        input.legalProtection,
        input.legalProtection === 'none' ? null : input.representative || null,
        input.legalProtection === 'none' ? '' : input.representativeAddress,
        input.legalProtection !== 'none' && input.representativeAgreement ? 1 : 0,
        input.attendance,
        input.attendance === 'represented' ? input.attendanceRepresentative : null,
        months === null ? null : addMonths(input.collectedOn, months),
        ctx.actor.userId,
        nowIso(ctx.clock),
      ).lastInsertRowid,
  );
  if (input.scan) storeScan(ctx, id, input.scan);
  ctx.audit(
    'consents.record',
    { type: 'situation', id: situation.id },
    `situation=${situation.code},consent=${id}${input.scan ? ',scan=1' : ''}`,
  );
  // The new consent supersedes the previous one: a planned item it no longer covers leaves the agenda.
  ctx.gateFactsChanged({ situationId: situation.id });
  return situationDetail(ctx, situation.id);
}

/** The signed form arrives after the record: attached once, then kept as it is. */
export function attachScan(ctx: ServiceContext, input: { consentId: number; base64: string }): SituationDetail {
  const row = consentRow(ctx.db, input.consentId);
  if (row.scan_type) throw new AppError('SCAN_EXISTS');
  storeScan(ctx, row.id, input.base64);
  const { code } = situationRow(ctx.db, row.situation_id);
  ctx.audit('consents.attachScan', { type: 'situation', id: row.situation_id }, `situation=${code},consent=${row.id}`);
  return situationDetail(ctx, row.situation_id);
}

function scanFile(ctx: ServiceContext, consentId: number, action: 'consents.viewScan' | 'consents.exportScan'): DocumentFile {
  const row = consentRow(ctx.db, consentId);
  const scan = ctx.db.prepare('SELECT mime_type AS mimeType, content FROM consent_scans WHERE consent_id = ?').get(consentId) as
    { mimeType: ScanType; content: Buffer } | undefined;
  if (!scan) throw new AppError('SCAN_NOT_FOUND');
  const { code } = situationRow(ctx.db, row.situation_id);
  ctx.audit(action, { type: 'situation', id: row.situation_id }, `situation=${code},consent=${row.id}`);
  // Named after the code, never the person.
  return {
    fileName: `consentement-${code}-${row.id}.${SCAN_EXTENSIONS[scan.mimeType]}`,
    mimeType: scan.mimeType,
    base64: scan.content.toString('base64'),
  };
}

/** Shown in the app (audited as a view). */
export const viewScan = (ctx: ServiceContext, input: { consentId: number }) => scanFile(ctx, input.consentId, 'consents.viewScan');
/** Saved outside the app, only on request (audited as an export). */
export const exportScan = (ctx: ServiceContext, input: { consentId: number }) => scanFile(ctx, input.consentId, 'consents.exportScan');

/**
 * G7 — one action, effective at once: the consent in force is withdrawn and the situation closed
 * with the reason « consentement retiré », which starts its retention period (G9). Nothing done
 * before is undone. The situation leaves every agenda not yet held, at once, with the reason.
 */
export function withdrawConsent(ctx: ServiceContext, input: { situationId: number; withdrawnOn: string; note: string }): SituationDetail {
  const situation = situationRow(ctx.db, input.situationId);
  if (situation.state === 'closed') throw new AppError('SITUATION_CLOSED');
  const current = ctx.db.prepare(CURRENT_CONSENT).get(situation.id) as
    { id: number; collected_on: string; withdrawn_on: string | null } | undefined;
  if (!current) throw new AppError('CONSENT_NONE');
  if (current.withdrawn_on) throw new AppError('CONSENT_ALREADY_WITHDRAWN');
  if (input.withdrawnOn < current.collected_on) throw new AppError('WITHDRAWAL_BEFORE_CONSENT');
  ctx.db
    .prepare('UPDATE consents SET withdrawn_on = ?, withdrawal_recorded_at = ?, withdrawn_recorded_by = ? WHERE id = ?')
    .run(input.withdrawnOn, nowIso(ctx.clock), ctx.actor.userId, current.id);
  ctx.audit('consents.withdraw', { type: 'situation', id: situation.id }, `situation=${situation.code},consent=${current.id}`);
  closeWith(ctx, situation.id, { reason: 'consent_withdrawn', closedOn: input.withdrawnOn, note: input.note });
  ctx.gateFactsChanged({ situationId: situation.id });
  return situationDetail(ctx, situation.id);
}
