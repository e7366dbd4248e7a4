// The person's consent (CSP L1110-4 III, D1110-3-1 to D1110-3-3; GDPR art. 7 and 9): recorded with
// its legal content, immutable once recorded (a new record supersedes it, the history stays), the
// signed form kept encrypted in the database, and withdrawn in one action (G7) that closes the
// situation at once — what was done before stays lawful (GDPR 7(3)).
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { addMonths, nowIso } from '../../shared/dates';
import type { AttendanceWish, ConsentMode, IdentitySharing, InformationItem, LegalProtection } from '../../shared/situation-vocabulary';
import type { Category } from '../../shared/vocabulary';
import { DocumentFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { getMember } from '../partners/members';
import { memberDisplayName } from '../partners/text';
import { readSetting } from '../settings/settings';
import { CURRENT_CONSENT } from '../situations/gates';
import { closeWith } from '../situations/lifecycle';
import { sweepAgendas } from '../meetings/agenda';
import { SituationDetail, situationDetail, situationRow } from '../situations/situations';
import { checkScan, SCAN_EXTENSIONS, ScanType } from './scan';
import type { ConsentInput } from './schema';

export interface ConsentView {
  id: number;
  collectedOn: string;
  collectedBy: { memberId: number; name: string; structureName: string };
  mode: ConsentMode;
  witness: string | null;
  information: Record<InformationItem, boolean>;
  allowedCategories: Category[];
  excludedStructures: { id: number; name: string }[];
  identitySharing: IdentitySharing;
  legalProtection: LegalProtection;
  representative: string | null;
  representativeAddress: string;
  representativeAgreement: boolean;
  attendance: AttendanceWish;
  attendanceRepresentative: string | null;
  reconfirmBy: string | null;
  recordedBy: string;
  recordedAt: string;
  withdrawnOn: string | null;
  status: 'in_force' | 'superseded' | 'withdrawn';
  scan: { mimeType: ScanType; size: number; attachedAt: string } | null;
}

interface ConsentRow {
  id: number;
  situation_id: number;
  collected_on: string;
  collected_by_member_id: number;
  member_first: string;
  member_last: string;
  structure_name: string;
  mode: ConsentMode;
  witness: string | null;
  info_data_categories: number;
  info_professionals: number;
  info_supports: number;
  info_security: number;
  allowed_categories: string;
  excluded_structures: string;
  identity_sharing: IdentitySharing;
  legal_protection: LegalProtection;
  representative: string | null;
  representative_address: string;
  representative_agreement: number;
  attendance: AttendanceWish;
  attendance_representative: string | null;
  reconfirm_by: string | null;
  recorded_by_name: string;
  recorded_at: string;
  withdrawn_on: string | null;
  scan_type: ScanType | null;
  scan_size: number | null;
  scan_at: string | null;
}

const SELECT = `
  SELECT c.*, m.first_name AS member_first, m.last_name AS member_last, st.name AS structure_name, u.display_name AS recorded_by_name,
    sc.mime_type AS scan_type, sc.size AS scan_size, sc.attached_at AS scan_at
  FROM consents c JOIN members m ON m.id = c.collected_by_member_id JOIN structures st ON st.id = m.structure_id
  JOIN users u ON u.id = c.recorded_by LEFT JOIN consent_scans sc ON sc.consent_id = c.id`;

function toView(db: Db, row: ConsentRow, inForce: boolean): ConsentView {
  const excludedIds = JSON.parse(row.excluded_structures) as number[];
  const names = db
    .prepare(`SELECT id, name FROM structures WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name`)
    .all(row.excluded_structures) as { id: number; name: string }[];
  return {
    id: row.id,
    collectedOn: row.collected_on,
    collectedBy: {
      memberId: row.collected_by_member_id,
      name: memberDisplayName({ firstName: row.member_first, lastName: row.member_last }),
      structureName: row.structure_name,
    },
    mode: row.mode,
    witness: row.witness,
    information: {
      dataCategories: row.info_data_categories === 1,
      professionals: row.info_professionals === 1,
      supports: row.info_supports === 1,
      security: row.info_security === 1,
    },
    allowedCategories: JSON.parse(row.allowed_categories) as Category[],
    excludedStructures: excludedIds.map((id) => names.find((n) => n.id === id) ?? { id, name: `Structure n° ${id}` }),
    identitySharing: row.identity_sharing,
    legalProtection: row.legal_protection,
    representative: row.representative,
    representativeAddress: row.representative_address,
    representativeAgreement: row.representative_agreement === 1,
    attendance: row.attendance,
    attendanceRepresentative: row.attendance_representative,
    reconfirmBy: row.reconfirm_by,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
    withdrawnOn: row.withdrawn_on,
    status: row.withdrawn_on ? 'withdrawn' : inForce ? 'in_force' : 'superseded',
    scan: row.scan_type ? { mimeType: row.scan_type, size: row.scan_size!, attachedAt: row.scan_at! } : null,
  };
}

/** Newest first: the first is the consent in force (the order of CURRENT_CONSENT). */
export function listConsents(db: Db, situationId: number): ConsentView[] {
  const rows = db.prepare(`${SELECT} WHERE c.situation_id = ? ORDER BY c.collected_on DESC, c.id DESC`).all(situationId) as ConsentRow[];
  return rows.map((row, index) => toView(db, row, index === 0));
}

function consentRow(db: Db, consentId: number): ConsentRow {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(consentId) as ConsentRow | undefined;
  if (!row) throw new AppError('CONSENT_NOT_FOUND');
  return row;
}

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
  sweepAgendas(ctx, { situationId: situation.id });
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
  sweepAgendas(ctx, { situationId: situation.id });
  return situationDetail(ctx, situation.id);
}
