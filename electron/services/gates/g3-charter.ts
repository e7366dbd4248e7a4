// G3 — Charter before presence. A member may be convened, marked present or receive minutes only
// if they signed the charter version in force. Pure: the caller gathers the facts.

export interface CharterGateFacts {
  member: { displayName: string; active: boolean; signedVersions: readonly number[] };
  /** The adopted version in force, or null when no charter has been adopted yet. */
  currentVersion: number | null;
}

/** Every failing reason, in French; an empty list means the member may take part. */
export function charterGate({ member, currentVersion }: CharterGateFacts): string[] {
  const reasons: string[] = [];
  if (!member.active) reasons.push(`${member.displayName} n’est plus membre actif de la Commission.`);
  if (currentVersion === null) {
    reasons.push('Aucune charte éthique et déontologique n’est encore adoptée : adoptez-la avant de réunir la Commission.');
  } else if (!member.signedVersions.includes(currentVersion)) {
    const older = member.signedVersions.filter((v) => v < currentVersion);
    reasons.push(
      older.length > 0
        ? `${member.displayName} a signé la version ${Math.max(...older)} de la charte mais pas la version ${currentVersion} en vigueur : une nouvelle signature est requise.`
        : `${member.displayName} n’a pas signé la charte éthique et déontologique (version ${currentVersion} en vigueur).`,
    );
  }
  return reasons;
}
