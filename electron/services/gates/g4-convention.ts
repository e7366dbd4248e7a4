// G4 — Convention. A referring structure must be a signatory of the partnership convention.

export interface ConventionGateFacts {
  structure: { name: string; active: boolean; conventionSignedOn: string | null };
}

/** Every failing reason, in French; an empty list means the structure may refer a situation. */
export function conventionGate({ structure }: ConventionGateFacts): string[] {
  const reasons: string[] = [];
  if (!structure.active) reasons.push(`La structure « ${structure.name} » n’est plus active.`);
  if (structure.conventionSignedOn === null) {
    reasons.push(`La structure « ${structure.name} » n’a pas signé la convention de partenariat.`);
  }
  return reasons;
}
