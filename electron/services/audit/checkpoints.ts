// Checkpoints that prove themselves. Archiving removes old events and leaves a checkpoint (the last
// archived event's id and hash) from which the rest of the chain verifies. A checkpoint is written
// only by the archive operation (migration 011 guards inserts and forbids edits) and carries a seal:
// an HMAC, under a key derived from the master key, over the database's id, the genesis, the
// previous checkpoint's seal and the archive's digest. A row added with a SQLite shell is found by
// its seal; a key holder who recomputes the seal is still caught by the archive it lacks and by the
// anchors kept outside (a backup's manifest and signed minutes record the latest checkpoint).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../../db/connection';

export interface Checkpoint {
  id: number;
  /** The first archived event; null on a checkpoint written before seals existed (schema < 11). */
  fromId: number | null;
  throughId: number;
  throughHash: string;
  archivedCount: number;
  archivedBefore: string;
  archiveName: string;
  archiveSha256: string;
  /** null on a checkpoint written before seals existed: it is proven by its archive only. */
  mac: string | null;
}

export interface SealFacts {
  databaseId: string | null;
  /** The genesis event's hash: the seal binds the checkpoint to this trail's own start. */
  genesisHash: string;
  /** The previous checkpoint's seal: the checkpoints form a chain of their own. */
  previousMac: string | null;
}

const HEX64 = /^[0-9a-f]{64}$/;

function hasCheckpointTable(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'`).get() !== undefined;
}

function hasSealColumns(db: Db): boolean {
  return (
    (db.prepare(`SELECT count(*) FROM pragma_table_info('audit_checkpoints') WHERE name IN ('from_id', 'mac')`).pluck().get() as number) ===
    2
  );
}

/** Every checkpoint in the order they were made; none on a schema before 7. */
export function listCheckpoints(db: Db): Checkpoint[] {
  if (!hasCheckpointTable(db)) return [];
  const sealed = hasSealColumns(db);
  return db
    .prepare(
      `SELECT id, ${sealed ? 'from_id' : 'NULL'} AS fromId, through_id AS throughId, through_hash AS throughHash,
              archived_count AS archivedCount, archived_before AS archivedBefore, archive_name AS archiveName,
              archive_sha256 AS archiveSha256, ${sealed ? 'mac' : 'NULL'} AS mac
       FROM audit_checkpoints ORDER BY through_id`,
    )
    .all() as Checkpoint[];
}

/** An archive file opened and its own chain checked (archive-file.ts); verify.ts matches it to its checkpoint. */
export interface OpenedArchive {
  fileName: string;
  sha256: string;
  fromId: number;
  throughId: number;
  throughHash: string;
  /** The hash the first archived event chains from (the previous checkpoint's, or the genesis). */
  firstPrevHash: string;
  /** The archived event's hash, or undefined when it is not in this archive. */
  hashOf(id: number): string | undefined;
}

type Sealed = Omit<Checkpoint, 'id' | 'mac'>;

export function sealOf(key: Buffer, checkpoint: Sealed, facts: SealFacts): string {
  const content = JSON.stringify([
    facts.databaseId,
    facts.genesisHash,
    facts.previousMac,
    checkpoint.fromId,
    checkpoint.throughId,
    checkpoint.throughHash,
    checkpoint.archivedCount,
    checkpoint.archivedBefore,
    checkpoint.archiveName,
    checkpoint.archiveSha256,
  ]);
  return createHmac('sha256', key).update(content).digest('hex');
}

function sealMatches(key: Buffer, checkpoint: Checkpoint, facts: SealFacts): boolean {
  if (checkpoint.mac === null || !HEX64.test(checkpoint.mac)) return false;
  return timingSafeEqual(Buffer.from(sealOf(key, checkpoint, facts), 'hex'), Buffer.from(checkpoint.mac, 'hex'));
}

/**
 * The French problem with the checkpoints, or null: each sealed one carries the seal of its place in
 * the chain of checkpoints, and archives the events right after the previous one.
 */
export function checkpointProblem(
  checkpoints: readonly Checkpoint[],
  sealKey: Buffer | null,
  facts: Omit<SealFacts, 'previousMac'>,
): string | null {
  let previous: Checkpoint | null = null;
  for (const [index, checkpoint] of checkpoints.entries()) {
    const label = `point d’archivage n° ${index + 1} (archive « ${checkpoint.archiveName} »)`;
    if (checkpoint.mac !== null) {
      if (!sealKey) return `${label} : son sceau ne peut être vérifié sans la clé`;
      const expectedFrom = (previous?.throughId ?? 1) + 1;
      if (checkpoint.fromId !== expectedFrom || checkpoint.archivedCount !== checkpoint.throughId - expectedFrom + 1)
        return `${label} : il ne suit pas le point d’archivage précédent`;
      if (!sealMatches(sealKey, checkpoint, { ...facts, previousMac: previous?.mac ?? null }))
        return `${label} : sceau invalide, il n’a pas été écrit par l’archivage`;
    } else if (checkpoints.slice(0, index).some((c) => c.mac !== null)) {
      return `${label} : sans sceau après un point d’archivage scellé, il a été ajouté hors de l’archivage`;
    }
    previous = checkpoint;
  }
  return null;
}
