// The consents of a situation as they are read: the read model that situations' detail shows and
// the consent services return. It imports nothing of situations or meetings (no cycle).
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { AttendanceWish, ConsentMode, IdentitySharing, InformationItem, LegalProtection } from '../../shared/situation-vocabulary';
import type { Category } from '../../shared/vocabulary';
import { memberDisplayName } from '../partners/text';
import { reconfirmationDay } from '../gates/g1-consent';
import { readSetting } from '../settings/settings';
import type { ScanType } from './scan';

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

export interface ConsentRow {
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
    reconfirmBy: reconfirmationDay(row.collected_on, row.reconfirm_by, readSetting(db, 'consentReconfirmMonths')),
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

export function consentRow(db: Db, consentId: number): ConsentRow {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(consentId) as ConsentRow | undefined;
  if (!row) throw new AppError('CONSENT_NOT_FOUND');
  return row;
}
