// Partner structures. A structure referenced elsewhere (members today; referrals later) is
// deactivated, never deleted, so that history keeps pointing at something real.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Sector } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { isReferenced } from '../common/references';
import { conventionGate } from '../gates/g4-convention';
import type { GateReason } from '../../shared/gate-reason';
import type { StructureInput } from './schema';
import { normalizeText } from './text';
import { containsPattern, searchText } from '../../shared/search-text';

export interface StructureSummary extends StructureInput {
  id: number;
  active: boolean;
  memberCount: number;
  /** G4: why this structure cannot refer a situation (empty when it can). */
  conventionReasons: GateReason[];
}

export interface StructureFilters {
  search?: string | undefined;
  sector?: Sector | undefined;
  convention?: 'signed' | 'unsigned' | undefined;
  includeInactive?: boolean | undefined;
}

interface StructureRow {
  id: number;
  name: string;
  sector: Sector;
  address: string;
  convention_signed_on: string | null;
  convention_signatory: string | null;
  active: number;
  member_count: number;
}

function toSummary(row: StructureRow): StructureSummary {
  const base = {
    id: row.id,
    name: row.name,
    sector: row.sector,
    address: row.address,
    conventionSignedOn: row.convention_signed_on,
    conventionSignatory: row.convention_signatory,
    active: row.active === 1,
    memberCount: row.member_count,
  };
  return { ...base, conventionReasons: conventionGate({ structure: base }) };
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM members m WHERE m.structure_id = s.id AND m.active = 1) AS member_count FROM structures s`;

function structuresWhere(filters: StructureFilters): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filters.includeInactive) where.push('s.active = 1');
  if (filters.sector) {
    where.push('s.sector = ?');
    params.push(filters.sector);
  }
  if (filters.convention) where.push(`s.convention_signed_on IS ${filters.convention === 'signed' ? 'NOT ' : ''}NULL`);
  if (filters.search?.trim()) {
    where.push("s.search_text LIKE ? ESCAPE '\\'");
    params.push(containsPattern(filters.search));
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listStructures(ctx: Pick<ServiceContext, 'db'>, filters: StructureFilters = {}): StructureSummary[] {
  const { where, params } = structuresWhere(filters);
  return (ctx.db.prepare(`${SELECT} ${where} ORDER BY s.name COLLATE NOCASE`).all(...params) as StructureRow[]).map(toSummary);
}

export function getStructure(db: Db, id: number): StructureSummary {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StructureRow | undefined;
  if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
  return toSummary(row);
}

/**
 * Two names that differ only by case, accents, punctuation or spaces are the same structure:
 * « centre medico-psychologique de metz-borny » is « Centre médico-psychologique de Metz-Borny ».
 */
function assertNameFree(db: Db, name: string, exceptId: number | null, index?: NameIndex): void {
  const key = normalizeText(name);
  const known = index?.get(key);
  const clash = index
    ? known && known.id !== exceptId
      ? known
      : undefined
    : (db.prepare('SELECT id, name FROM structures WHERE id IS NOT ?').all(exceptId) as { id: number; name: string }[]).find(
        (row) => normalizeText(row.name) === key,
      );
  if (clash) {
    const message = `Une structure porte déjà ce nom : « ${clash.name} ».`;
    throw new AppError('STRUCTURE_NAME_TAKEN', { message, fields: { name: message } });
  }
}

/** The directory's structures by normalised name, for a caller saving many at once (the import). */
export type NameIndex = Map<string, { id: number; name: string }>;

export function nameIndex(ctx: Pick<ServiceContext, 'db'>): NameIndex {
  const rows = ctx.db.prepare('SELECT id, name FROM structures').all() as { id: number; name: string }[];
  return new Map(rows.map((row) => [normalizeText(row.name), row]));
}

/** Creates (no id) or updates a structure; returns it as listed. `index`, if given, is kept up to date. */
export function saveStructure(
  ctx: ServiceContext,
  input: StructureInput & { id?: number | undefined },
  index?: NameIndex,
): StructureSummary {
  const { db } = ctx;
  const now = nowIso(ctx.clock);
  assertNameFree(db, input.name, input.id ?? null, index);
  const values = [
    input.name,
    input.sector,
    input.address,
    input.conventionSignedOn,
    input.conventionSignatory,
    searchText(input.name, input.address, input.conventionSignatory),
    searchText(input.name),
  ];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO structures (name, sector, address, convention_signed_on, convention_signatory, search_text, name_search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, now, now).lastInsertRowid,
    );
    ctx.audit('partners.createStructure', { type: 'structure', id });
  } else {
    getStructure(db, id);
    db.prepare(
      `UPDATE structures SET name = ?, sector = ?, address = ?, convention_signed_on = ?, convention_signatory = ?, search_text = ?, name_search = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    ctx.audit('partners.updateStructure', { type: 'structure', id });
    ctx.gateFactsChanged({ everywhere: true }); // G4: the convention's date may have changed
  }
  index?.set(normalizeText(input.name), { id, name: input.name });
  return getStructure(db, id);
}

/**
 * Deactivating a structure deactivates its active members too: they can no longer be convened
 * on its behalf. Reactivating it does not bring them back: each is reactivated on purpose.
 */
export function setStructureActive(ctx: ServiceContext, input: { id: number; active: boolean }): StructureSummary {
  getStructure(ctx.db, input.id);
  const now = nowIso(ctx.clock);
  ctx.db.prepare('UPDATE structures SET active = ?, updated_at = ? WHERE id = ?').run(input.active ? 1 : 0, now, input.id);
  if (!input.active) {
    const members = ctx.db.prepare('SELECT id FROM members WHERE structure_id = ? AND active = 1').pluck().all(input.id) as number[];
    for (const id of members) {
      ctx.db.prepare('UPDATE members SET active = 0, updated_at = ? WHERE id = ?').run(now, id);
      ctx.audit('partners.deactivateMember', { type: 'member', id }, `via=structure`);
    }
  }
  ctx.audit(input.active ? 'partners.reactivateStructure' : 'partners.deactivateStructure', { type: 'structure', id: input.id });
  ctx.gateFactsChanged({ everywhere: true }); // G4: an inactive structure's situations leave the agendas
  return getStructure(ctx.db, input.id);
}

/** Deletes a structure nothing refers to (members, meetings, actions…); a referenced one is deactivated instead. */
export function removeStructure(ctx: ServiceContext, input: { id: number }): { outcome: 'deleted' | 'deactivated' } {
  getStructure(ctx.db, input.id);
  if (isReferenced(ctx.db, 'structures', input.id)) {
    setStructureActive(ctx, { id: input.id, active: false });
    return { outcome: 'deactivated' };
  }
  ctx.db.prepare('DELETE FROM structures WHERE id = ?').run(input.id);
  ctx.audit('partners.deleteStructure', { type: 'structure', id: input.id });
  return { outcome: 'deleted' };
}

export interface Page<T> {
  items: T[];
  /** Every match, for the pager. */
  total: number;
}

/** One page of the filtered list: the filtering is done here, only the page crosses to the UI. */
export function pageStructures(
  ctx: Pick<ServiceContext, 'db'>,
  input: StructureFilters & { limit: number; offset: number },
): Page<StructureSummary> {
  const { where, params } = structuresWhere(input);
  const total = ctx.db
    .prepare(`SELECT count(*) FROM structures s ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = ctx.db
    .prepare(`${SELECT} ${where} ORDER BY s.name COLLATE NOCASE LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset);
  return { items: (rows as StructureRow[]).map(toSummary), total };
}

export interface StructureChoice {
  id: number;
  name: string;
  active: boolean;
}

/** Names only, for pickers and filters (light even with thousands of structures). */
export function structureChoices(ctx: Pick<ServiceContext, 'db'>): StructureChoice[] {
  const rows = ctx.db.prepare('SELECT id, name, active FROM structures ORDER BY name COLLATE NOCASE').all() as {
    id: number;
    name: string;
    active: number;
  }[];
  return rows.map((row) => ({ id: row.id, name: row.name, active: row.active === 1 }));
}
