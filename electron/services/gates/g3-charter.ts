// G3 — Charter before presence. A member may be convened, marked present or receive minutes only
// if they signed the charter version in force. The gate is pure; the loader gathers its facts.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { GateReason } from '../../shared/gate-reason';

export interface CharterGateFacts {
  member: { id: number; displayName: string; active: boolean; signedVersions: readonly number[] };
  /** The adopted version in force, or null when no charter has been adopted yet. */
  currentVersion: number | null;
}

export function charterGate({ member, currentVersion }: CharterGateFacts): GateReason[] {
  const subject = { type: 'member', id: member.id } as const;
  const reasons: GateReason[] = [];
  if (!member.active) {
    reasons.push({
      gate: 'G3',
      code: 'MEMBER_INACTIVE',
      subject,
      message: `${member.displayName} n’est plus membre actif de la Commission.`,
    });
  }
  if (currentVersion === null) {
    reasons.push({
      gate: 'G3',
      code: 'NO_CHARTER_ADOPTED',
      subject,
      message: 'Aucune charte éthique et déontologique n’est encore adoptée : adoptez-la avant de réunir la Commission.',
    });
  } else if (!member.signedVersions.includes(currentVersion)) {
    // Signatures go to the version in force only: any other version signed is an older one.
    const older = member.signedVersions;
    reasons.push(
      older.length > 0
        ? {
            gate: 'G3',
            code: 'CHARTER_NEW_VERSION_NOT_SIGNED',
            subject,
            message: `${member.displayName} a signé la version ${Math.max(...older)} de la charte mais pas la version ${currentVersion} en vigueur : une nouvelle signature est requise.`,
          }
        : {
            gate: 'G3',
            code: 'CHARTER_NOT_SIGNED',
            subject,
            message: `${member.displayName} n’a pas signé la charte éthique et déontologique (version ${currentVersion} en vigueur).`,
          },
    );
  }
  return reasons;
}

export function currentCharterVersion(db: Db): number | null {
  return (db.prepare('SELECT max(version) FROM charter_versions WHERE adopted_on IS NOT NULL').pluck().get() as number | null) ?? null;
}

export function loadCharterFacts(db: Db, memberId: number): CharterGateFacts {
  const facts = loadCharterFactsForEach(db, [memberId]).get(memberId);
  if (!facts) throw new AppError('MEMBER_NOT_FOUND');
  return facts;
}

/** G3's facts for many members in one read (the one loader: `loadCharterFacts` asks it for one). */
export function loadCharterFactsForEach(db: Db, memberIds: readonly number[]): Map<number, CharterGateFacts> {
  const rows = db
    .prepare(
      `SELECT m.id, m.first_name || ' ' || m.last_name AS displayName, m.active,
        (SELECT group_concat(v.version) FROM charter_signatures cs JOIN charter_versions v ON v.id = cs.version_id WHERE cs.member_id = m.id AND cs.cancelled_at IS NULL) AS signed
       FROM members m WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(memberIds)) as { id: number; displayName: string; active: number; signed: string | null }[];
  const currentVersion = currentCharterVersion(db);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        member: {
          id: row.id,
          displayName: row.displayName,
          active: row.active === 1,
          signedVersions: row.signed ? row.signed.split(',').map(Number) : [],
        },
        currentVersion,
      },
    ]),
  );
}
