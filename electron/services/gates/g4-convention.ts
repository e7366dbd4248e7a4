// G4 — Convention. A referring structure must be an active signatory of the partnership convention.
// The gate is pure; the loader gathers its facts.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { GateReason } from '../../shared/gate-reason';

export interface ConventionGateFacts {
  structure: { id: number; name: string; active: boolean; conventionSignedOn: string | null };
}

export function conventionGate({ structure }: ConventionGateFacts): GateReason[] {
  const subject = { type: 'structure', id: structure.id } as const;
  const reasons: GateReason[] = [];
  if (!structure.active) {
    reasons.push({ gate: 'G4', code: 'STRUCTURE_INACTIVE', subject, message: `La structure « ${structure.name} » n’est plus active.` });
  }
  if (structure.conventionSignedOn === null) {
    reasons.push({
      gate: 'G4',
      code: 'CONVENTION_NOT_SIGNED',
      subject,
      message: `La structure « ${structure.name} » n’a pas signé la convention de partenariat.`,
    });
  }
  return reasons;
}

export function loadConventionFacts(db: Db, structureId: number): ConventionGateFacts {
  const row = db.prepare('SELECT id, name, active, convention_signed_on FROM structures WHERE id = ?').get(structureId) as
    { id: number; name: string; active: number; convention_signed_on: string | null } | undefined;
  if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
  return { structure: { id: row.id, name: row.name, active: row.active === 1, conventionSignedOn: row.convention_signed_on } };
}
