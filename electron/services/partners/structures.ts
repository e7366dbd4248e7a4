// Partner structures. A structure referenced elsewhere (members today; referrals later) is
// deactivated, never deleted, so that history keeps pointing at something real.
import type { Db } from '../../../db/connection';
import type { Sector } from '../../ipc/vocabulary';
import { AppError } from '../../errors';
import { conventionGate } from '../gates/g4-convention';
import { matchesSearch } from './text';
import type { PartnersContext } from './context';

export interface StructureInput {
  name: string;
  sector: Sector;
  address: string;
  conventionSignedOn: string | null;
  conventionSignatory: string | null;
}

export interface StructureSummary extends StructureInput {
  id: number;
  active: boolean;
  memberCount: number;
  /** G4: why this structure cannot refer a situation (empty when it can). */
  conventionReasons: string[];
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

export function listStructures(db: Db, filters: StructureFilters = {}): StructureSummary[] {
  const rows = db.prepare(`${SELECT} ORDER BY s.name COLLATE NOCASE`).all() as StructureRow[];
  return rows
    .map(toSummary)
    .filter((s) => filters.includeInactive || s.active)
    .filter((s) => !filters.sector || s.sector === filters.sector)
    .filter((s) => !filters.convention || (filters.convention === 'signed') === (s.conventionSignedOn !== null))
    .filter((s) => matchesSearch(filters.search, s.name, s.address, s.conventionSignatory ?? ''));
}

export function getStructure(db: Db, id: number): StructureSummary {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StructureRow | undefined;
  if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
  return toSummary(row);
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = db.prepare('SELECT id FROM structures WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, exceptId);
  if (clash) throw new AppError('STRUCTURE_NAME_TAKEN');
}

/** Creates (no id) or updates a structure; returns it as listed. */
export function saveStructure(ctx: PartnersContext, input: StructureInput & { id?: number | undefined }): StructureSummary {
  const db = ctx.db;
  const now = ctx.now().toISOString();
  return db.transaction(() => {
    assertNameFree(db, input.name, input.id ?? null);
    const values = [input.name, input.sector, input.address, input.conventionSignedOn, input.conventionSignatory];
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare(`INSERT INTO structures (name, sector, address, convention_signed_on, convention_signatory, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
          .run(...values, now, now).lastInsertRowid,
      );
      ctx.audit('partners.createStructure', 'structure', id);
    } else {
      getStructure(db, id);
      db.prepare(`UPDATE structures SET name = ?, sector = ?, address = ?, convention_signed_on = ?, convention_signatory = ?, updated_at = ? WHERE id = ?`).run(...values, now, id);
      ctx.audit('partners.updateStructure', 'structure', id);
    }
    return getStructure(db, id);
  })();
}

export function setStructureActive(ctx: PartnersContext, id: number, active: boolean): StructureSummary {
  getStructure(ctx.db, id);
  ctx.db.prepare('UPDATE structures SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, ctx.now().toISOString(), id);
  ctx.audit(active ? 'partners.reactivateStructure' : 'partners.deactivateStructure', 'structure', id);
  return getStructure(ctx.db, id);
}

/** Deletes an unreferenced structure; a referenced one is deactivated instead. */
export function removeStructure(ctx: PartnersContext, id: number): { outcome: 'deleted' | 'deactivated' } {
  getStructure(ctx.db, id);
  const referenced = ctx.db.prepare('SELECT 1 FROM members WHERE structure_id = ? LIMIT 1').get(id);
  if (referenced) {
    setStructureActive(ctx, id, false);
    return { outcome: 'deactivated' };
  }
  ctx.db.prepare('DELETE FROM structures WHERE id = ?').run(id);
  ctx.audit('partners.deleteStructure', 'structure', id);
  return { outcome: 'deleted' };
}
