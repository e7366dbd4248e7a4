// The ethics and deontology charter: one editable draft at a time; adopting it (with a date) makes
// it immutable — the database refuses any later change. Members sign the version in force; a new
// adopted version makes every member sign again (G3 reads the signatures).
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { currentCharterVersion } from '../gates/g3-charter';
import { getMember, MemberSummary } from '../partners/members';

export interface CharterVersionSummary {
  id: number;
  version: number;
  text: string;
  adoptedOn: string | null;
  status: 'draft' | 'current' | 'superseded';
  signatureCount: number;
}

export interface CharterSignature {
  id: number;
  memberId: number;
  memberName: string;
  structureName: string;
  signedOn: string;
  recordedBy: string;
  /** A signature recorded by mistake is cancelled, never erased: when, by whom, why. */
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

interface VersionRow {
  id: number;
  version: number;
  text: string;
  adopted_on: string | null;
  signature_count: number;
}

export function listCharterVersions(db: Db): CharterVersionSummary[] {
  const current = currentCharterVersion(db);
  const rows = db
    .prepare(
      `SELECT v.*, (SELECT count(*) FROM charter_signatures s WHERE s.version_id = v.id AND s.cancelled_at IS NULL) AS signature_count FROM charter_versions v ORDER BY v.version DESC`,
    )
    .all() as VersionRow[];
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    text: row.text,
    adoptedOn: row.adopted_on,
    status: row.adopted_on === null ? 'draft' : row.version === current ? 'current' : 'superseded',
    signatureCount: row.signature_count,
  }));
}

export function getCharterVersion(db: Db, id: number): CharterVersionSummary {
  const version = listCharterVersions(db).find((v) => v.id === id);
  if (!version) throw new AppError('CHARTER_NOT_FOUND');
  return version;
}

export function currentCharter(db: Db): CharterVersionSummary | null {
  return listCharterVersions(db).find((v) => v.status === 'current') ?? null;
}

function draft(db: Db): CharterVersionSummary {
  const found = listCharterVersions(db).find((v) => v.status === 'draft');
  if (!found) throw new AppError('CHARTER_NO_DRAFT');
  return found;
}

export function saveCharterDraft(ctx: ServiceContext, input: { text: string }): CharterVersionSummary {
  const current = draft(ctx.db);
  ctx.db.prepare('UPDATE charter_versions SET text = ?, updated_at = ? WHERE id = ?').run(input.text, nowIso(ctx.clock), current.id);
  ctx.audit('charter.updateDraft', { type: 'charterVersion', id: current.id });
  return getCharterVersion(ctx.db, current.id);
}

/** A new draft, starting from the text in force. */
export function newCharterDraft(ctx: ServiceContext): CharterVersionSummary {
  const versions = listCharterVersions(ctx.db);
  if (versions.some((v) => v.status === 'draft')) throw new AppError('CHARTER_DRAFT_EXISTS');
  const base = versions.find((v) => v.status === 'current');
  if (!base) throw new AppError('CHARTER_NONE');
  const now = nowIso(ctx.clock);
  const id = Number(
    ctx.db
      .prepare('INSERT INTO charter_versions (version, text, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(base.version + 1, base.text, now, now).lastInsertRowid,
  );
  ctx.audit('charter.newDraft', { type: 'charterVersion', id });
  return getCharterVersion(ctx.db, id);
}

export function adoptCharter(ctx: ServiceContext, input: { versionId: number; adoptedOn: string }): CharterVersionSummary {
  const target = getCharterVersion(ctx.db, input.versionId);
  if (target.status !== 'draft') throw new AppError('CHARTER_NOT_DRAFT');
  const previous = currentCharter(ctx.db);
  if (previous?.adoptedOn && input.adoptedOn < previous.adoptedOn) throw new AppError('CHARTER_DATE');
  ctx.db
    .prepare('UPDATE charter_versions SET adopted_on = ?, updated_at = ? WHERE id = ?')
    .run(input.adoptedOn, nowIso(ctx.clock), target.id);
  ctx.audit('charter.adopt', { type: 'charterVersion', id: target.id }, `version=${target.version}`);
  ctx.gateFactsChanged({ everywhere: true });
  return getCharterVersion(ctx.db, target.id);
}

export function recordCharterSignature(
  ctx: ServiceContext,
  input: { memberId: number; versionId: number; signedOn: string },
): MemberSummary {
  const version = getCharterVersion(ctx.db, input.versionId);
  if (version.status !== 'current') throw new AppError('CHARTER_NOT_CURRENT');
  if (version.adoptedOn && input.signedOn < version.adoptedOn) throw new AppError('CHARTER_SIGNED_BEFORE');
  const member = getMember(ctx.db, input.memberId);
  if (!member.active) throw new AppError('MEMBER_INACTIVE');
  if (member.signedVersions.includes(version.version)) throw new AppError('CHARTER_ALREADY_SIGNED');
  ctx.db
    .prepare('INSERT INTO charter_signatures (member_id, version_id, signed_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)')
    .run(member.id, version.id, input.signedOn, ctx.actor.userId, nowIso(ctx.clock));
  ctx.audit('charter.recordSignature', { type: 'member', id: member.id }, `version=${version.version}`);
  return getMember(ctx.db, member.id);
}

export function listCharterSignatures(ctx: Pick<ServiceContext, 'db'>, input: { versionId: number }): CharterSignature[] {
  getCharterVersion(ctx.db, input.versionId);
  return ctx.db
    .prepare(
      `SELECT cs.id, cs.member_id AS memberId, m.first_name || ' ' || m.last_name AS memberName, s.name AS structureName,
              cs.signed_on AS signedOn, u.display_name AS recordedBy, cs.cancelled_at AS cancelledAt,
              c.display_name AS cancelledBy, cs.cancel_reason AS cancelReason
       FROM charter_signatures cs JOIN members m ON m.id = cs.member_id JOIN structures s ON s.id = m.structure_id
       JOIN users u ON u.id = cs.recorded_by LEFT JOIN users c ON c.id = cs.cancelled_by
       WHERE cs.version_id = ? ORDER BY cs.cancelled_at IS NOT NULL, m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE, cs.id`,
    )
    .all(input.versionId) as CharterSignature[];
}

/** Cancels a signature recorded by mistake: the row stays, with when, by whom and why. */
export function cancelCharterSignature(ctx: ServiceContext, input: { signatureId: number; reason: string }): CharterSignature {
  const row = ctx.db
    .prepare('SELECT version_id AS versionId, member_id AS memberId, cancelled_at AS cancelledAt FROM charter_signatures WHERE id = ?')
    .get(input.signatureId) as { versionId: number; memberId: number; cancelledAt: string | null } | undefined;
  if (!row) throw new AppError('SIGNATURE_NOT_FOUND');
  if (row.cancelledAt) throw new AppError('SIGNATURE_ALREADY_CANCELLED');
  ctx.db
    .prepare('UPDATE charter_signatures SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?')
    .run(nowIso(ctx.clock), ctx.actor.userId, input.reason, input.signatureId);
  ctx.audit('charter.cancelSignature', { type: 'member', id: row.memberId }, `version=${getCharterVersion(ctx.db, row.versionId).version}`);
  ctx.gateFactsChanged({ everywhere: true });
  return listCharterSignatures(ctx, { versionId: row.versionId }).find((s) => s.id === input.signatureId)!;
}

/** Abandons the draft of a new version: the version in force stays as it is. */
export function abandonCharterDraft(ctx: ServiceContext): CharterVersionSummary {
  const current = draft(ctx.db);
  const inForce = currentCharter(ctx.db);
  if (!inForce) throw new AppError('CHARTER_FIRST_DRAFT');
  ctx.db.prepare('DELETE FROM charter_versions WHERE id = ?').run(current.id);
  ctx.audit('charter.abandonDraft', { type: 'charterVersion', id: current.id }, `version=${current.version}`);
  return inForce;
}
