// Members of partner structures. The charter status (G3) is computed here for every listing so
// the UI shows who must sign; a member with signatures is deactivated, never deleted.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Civility } from '../../shared/french';
import type { Category, Membership } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { isReferenced } from '../common/references';
import { charterGate, currentCharterVersion } from '../gates/g3-charter';
import type { GateReason } from '../../shared/gate-reason';
import type { MemberChoicesInput, MemberInput } from './schema';
import { getStructure, Page } from './structures';
import { memberDisplayName } from './text';
import { containsPattern, searchText } from '../../shared/search-text';

export interface MemberSummary extends Omit<MemberInput, 'id'> {
  id: number;
  displayName: string;
  structureName: string;
  /** False when the member's structure is deactivated. */
  structureActive: boolean;
  active: boolean;
  /** Adopted charter versions this member signed. */
  signedVersions: number[];
  /** The charter version in force, null while none is adopted. */
  currentCharterVersion: number | null;
  /** G3: why this member cannot be convened or marked present (empty when they can). */
  charterReasons: GateReason[];
}

export interface MemberFilters {
  search?: string | undefined;
  structureId?: number | undefined;
  category?: Category | undefined;
  charter?: 'signed' | 'unsigned' | undefined;
  includeInactive?: boolean | undefined;
}

interface MemberRow {
  id: number;
  structure_id: number;
  structure_name: string;
  structure_active: number;
  last_name: string;
  first_name: string;
  civility: Civility;
  function: string;
  category: Category;
  email: string;
  phone: string;
  membership: Membership;
  active: number;
  signed_versions: string | null;
}

const SELECT = `
  SELECT m.*, s.name AS structure_name, s.active AS structure_active,
    (SELECT group_concat(v.version) FROM charter_signatures cs JOIN charter_versions v ON v.id = cs.version_id
      WHERE cs.member_id = m.id AND cs.cancelled_at IS NULL) AS signed_versions
  FROM members m JOIN structures s ON s.id = m.structure_id`;

function toSummary(row: MemberRow, currentVersion: number | null): MemberSummary {
  const signedVersions = row.signed_versions
    ? row.signed_versions
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  const base = {
    id: row.id,
    structureId: row.structure_id,
    structureName: row.structure_name,
    structureActive: row.structure_active === 1,
    lastName: row.last_name,
    firstName: row.first_name,
    civility: row.civility,
    function: row.function,
    category: row.category,
    email: row.email,
    phone: row.phone,
    membership: row.membership,
    active: row.active === 1,
    signedVersions,
    currentCharterVersion: currentVersion,
  };
  const displayName = memberDisplayName(base);
  return {
    ...base,
    displayName,
    charterReasons: charterGate({ member: { id: row.id, displayName, active: base.active, signedVersions }, currentVersion }),
  };
}

/** Every filter in SQL, the charter status and the accent-free search included. */
function membersWhere(filters: MemberFilters, current: number | null): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filters.includeInactive) where.push('m.active = 1');
  if (filters.structureId !== undefined) {
    where.push('m.structure_id = ?');
    params.push(filters.structureId);
  }
  if (filters.category) {
    where.push('m.category = ?');
    params.push(filters.category);
  }
  if (filters.charter) {
    where.push(`${filters.charter === 'signed' ? '' : 'NOT '}EXISTS (SELECT 1 FROM charter_signatures cs JOIN charter_versions v ON v.id = cs.version_id
      WHERE cs.member_id = m.id AND cs.cancelled_at IS NULL AND v.version = ?)`);
    params.push(current ?? -1);
  }
  if (filters.search?.trim()) {
    where.push("(m.search_text LIKE ? ESCAPE '\\' OR s.name_search LIKE ? ESCAPE '\\')");
    const pattern = containsPattern(filters.search);
    params.push(pattern, pattern);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const MEMBER_ORDER = 'ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE, m.id';

function matchingRows(ctx: Pick<ServiceContext, 'db'>, filters: MemberFilters, current: number | null): MemberRow[] {
  const { where, params } = membersWhere(filters, current);
  return ctx.db.prepare(`${SELECT} ${where} ${MEMBER_ORDER}`).all(...params) as MemberRow[];
}

export function listMembers(ctx: Pick<ServiceContext, 'db'>, filters: MemberFilters = {}): MemberSummary[] {
  const current = currentCharterVersion(ctx.db);
  return matchingRows(ctx, filters, current).map((row) => toSummary(row, current));
}

export function getMember(db: Db, id: number): MemberSummary {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemberRow | undefined;
  if (!row) throw new AppError('MEMBER_NOT_FOUND');
  return toSummary(row, currentCharterVersion(db));
}

export function saveMember(ctx: ServiceContext, input: MemberInput): MemberSummary {
  const { db } = ctx;
  const now = nowIso(ctx.clock);
  const structure = getStructure(db, input.structureId);
  const previous = input.id === undefined ? null : getMember(db, input.id);
  if (!structure.active && previous?.structureId !== structure.id) throw new AppError('STRUCTURE_INACTIVE');
  const clash = db
    .prepare(
      'SELECT id FROM members WHERE structure_id = ? AND last_name = ? COLLATE NOCASE AND first_name = ? COLLATE NOCASE AND id IS NOT ?',
    )
    .get(input.structureId, input.lastName, input.firstName, input.id ?? null);
  if (clash) throw new AppError('MEMBER_DUPLICATE');
  const values = [
    input.structureId,
    input.lastName,
    input.firstName,
    input.civility,
    input.function,
    input.category,
    input.email,
    input.phone,
    input.membership,
    searchText(input.firstName, input.lastName, input.function, input.email),
  ];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO members (structure_id, last_name, first_name, civility, function, category, email, phone, membership, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, now, now).lastInsertRowid,
    );
    ctx.audit('partners.createMember', { type: 'member', id });
  } else {
    db.prepare(
      `UPDATE members SET structure_id = ?, last_name = ?, first_name = ?, civility = ?, function = ?, category = ?, email = ?, phone = ?, membership = ?, search_text = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    ctx.audit('partners.updateMember', { type: 'member', id });
  }
  return getMember(db, id);
}

export function setMemberActive(ctx: ServiceContext, input: { id: number; active: boolean }): MemberSummary {
  const member = getMember(ctx.db, input.id);
  if (input.active && !getStructure(ctx.db, member.structureId).active) throw new AppError('STRUCTURE_INACTIVE');
  ctx.db.prepare('UPDATE members SET active = ?, updated_at = ? WHERE id = ?').run(input.active ? 1 : 0, nowIso(ctx.clock), input.id);
  ctx.audit(input.active ? 'partners.reactivateMember' : 'partners.deactivateMember', { type: 'member', id: input.id });
  ctx.gateFactsChanged({ everywhere: true });
  return getMember(ctx.db, input.id);
}

/** Deletes a member nothing refers to (signatures, meetings, trainings…); a referenced one is deactivated instead. */
export function removeMember(ctx: ServiceContext, input: { id: number }): { outcome: 'deleted' | 'deactivated' } {
  getMember(ctx.db, input.id);
  if (isReferenced(ctx.db, 'members', input.id)) {
    setMemberActive(ctx, { id: input.id, active: false });
    return { outcome: 'deactivated' };
  }
  ctx.db.prepare('DELETE FROM members WHERE id = ?').run(input.id);
  ctx.audit('partners.deleteMember', { type: 'member', id: input.id });
  return { outcome: 'deleted' };
}

/** One page of the filtered list: the filtering is done here, only the page crosses to the UI. */
export function pageMembers(
  ctx: Pick<ServiceContext, 'db'>,
  input: MemberFilters & { limit: number; offset: number },
): Page<MemberSummary> {
  const current = currentCharterVersion(ctx.db);
  const { where, params } = membersWhere(input, current);
  const total = ctx.db
    .prepare(`SELECT count(*) FROM members m JOIN structures s ON s.id = m.structure_id ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = ctx.db
    .prepare(`${SELECT} ${where} ${MEMBER_ORDER} LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as MemberRow[];
  return { items: rows.map((row) => toSummary(row, current)), total };
}

/** One line of a member picker: enough to choose, nothing more. */
export interface MemberChoice {
  id: number;
  displayName: string;
  structureId: number;
  structureName: string;
  function: string;
  membership: Membership;
  active: boolean;
  /** Signed the charter in force (G3: who may sit). */
  charterSigned: boolean;
}

/**
 * The members a picker offers as one types (accent-free, in SQL, 20 at most), or those named by
 * `ids` (a form showing the member already chosen). Never the whole directory.
 */
export function memberChoices(ctx: Pick<ServiceContext, 'db'>, input: MemberChoicesInput): MemberChoice[] {
  const current = currentCharterVersion(ctx.db);
  const { where, params } = membersWhere(
    { search: input.search, charter: input.charter, includeInactive: input.includeInactive ?? input.ids !== undefined },
    current,
  );
  const clauses = where ? [where.slice('WHERE '.length)] : [];
  const placeholders = (ids: number[]) => ids.map(() => '?').join(', ') || 'NULL';
  if (input.ids) clauses.push(`m.id IN (${placeholders(input.ids)})`);
  if (input.excludeIds?.length) clauses.push(`m.id NOT IN (${placeholders(input.excludeIds)})`);
  if (input.membership) clauses.push('m.membership = ?');
  const rows = ctx.db
    .prepare(`${SELECT} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ${MEMBER_ORDER} LIMIT ?`)
    .all(
      ...params,
      ...(input.ids ?? []),
      ...(input.excludeIds ?? []),
      ...(input.membership ? [input.membership] : []),
      input.limit,
    ) as MemberRow[];
  return rows.map((row) => {
    const summary = toSummary(row, current);
    return {
      id: summary.id,
      displayName: summary.displayName,
      structureId: summary.structureId,
      structureName: summary.structureName,
      function: summary.function,
      membership: summary.membership,
      active: summary.active,
      charterSigned: current !== null && summary.signedVersions.includes(current),
    };
  });
}
