// The trail's own retention: events older than the configured period leave the database for an
// encrypted file on the share (AES-256-GCM under a key derived from the master key, so a backup's
// keyring opens it too), and a checkpoint keeps the last archived event's id and hash, from which
// the remaining chain still verifies. Only events behind a checkpoint may be deleted (migration 007).
import { hkdfSync } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { unwrapKey, wipe, wrapKey } from '../../../db/crypto';
import { AppError } from '../../errors';
import { addMonths, dayRange, nowIso } from '../../shared/dates';
import { momentStamp } from '../backup/layout';
import { asShareFault } from '../backup/faults';
import { sha256File } from '../backup/manifest';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { readSetting } from '../settings/settings';
import { AuditEvent, GENESIS_HASH, hashEvent, latestCheckpoint, rowToEvent } from './trail';
import { verifyAudit } from './verify';

const AAD = 'clsm-audit-archive/1';
const archiveSchema = z
  .object({
    format: z.literal('clsm-audit-archive'),
    version: z.literal(1),
    fromId: z.number().int().positive(),
    throughId: z.number().int().positive(),
    throughHash: z.string(),
    count: z.number().int().positive(),
    archivedBefore: z.string(),
    sealed: z.object({ alg: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), ct: z.string() }),
  })
  .strict();

function archiveKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), AAD, 32));
}

export interface ArchiveResult {
  archived: number;
  fileName: string | null;
  archivedBefore: string;
}

interface Prepared {
  result: ArchiveResult;
  checkpoint: { throughId: number; throughHash: string; sha256: string } | null;
  previousThroughId: number;
}

/** Archives the events older than the retention period to the backup share; the password is asked again. */
export const archiveAuditTrail = staged({
  async prepare(ctx: ServiceContext, input: { actorPassword: string }): Promise<Prepared> {
    const share = readSetting(ctx.db, 'backupShare') ?? '';
    if (share === '') throw new AppError('BACKUP_NOT_CONFIGURED');
    const months = readSetting(ctx.db, 'auditRetentionMonths') ?? 36;
    const archivedBefore = addMonths(ctx.today, -months);
    return ctx.keys.confirm(ctx.actor.login, input.actorPassword, async (masterKey) => {
      const previous = latestCheckpoint(ctx.db);
      const previousThroughId = previous?.throughId ?? 0;
      const verification = verifyAudit(ctx.db, { databaseId: ctx.keys.read().databaseId ?? null });
      if (!verification.ok)
        throw new AppError('AUDIT_BROKEN', { message: `Le journal est rompu : ${verification.reason}. Rien n’a été archivé.` });
      const rows = ctx.db
        // The genesis event (id 1) stays: the chain is proven from the database's creation.
        .prepare('SELECT * FROM audit_events WHERE id > ? AND at < ? ORDER BY id')
        .all(Math.max(previousThroughId, 1), dayRange(archivedBefore).start) as Parameters<typeof rowToEvent>[0][];
      const events = rows.map(rowToEvent);
      const last = events[events.length - 1];
      if (!last) return { result: { archived: 0, fileName: null, archivedBefore }, checkpoint: null, previousThroughId };
      const fileName = `clsm-journal-archive-${momentStamp(ctx.clock())}.clsmaudit`;
      const path = join(resolve(share), fileName);
      const key = archiveKey(masterKey);
      const sealed = wrapKey(key, Buffer.from(JSON.stringify(events), 'utf8'), AAD);
      wipe(key);
      const body = {
        format: 'clsm-audit-archive',
        version: 1,
        fromId: events[0]!.id,
        throughId: last.id,
        throughHash: last.hash,
        count: events.length,
        archivedBefore,
        sealed,
      };
      const temp = `${path}.tmp`;
      try {
        writeFileSync(temp, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw asShareFault(error);
      }
      const { sha256 } = await sha256File(path);
      return {
        result: { archived: events.length, fileName, archivedBefore },
        checkpoint: { throughId: last.id, throughHash: last.hash, sha256 },
        previousThroughId,
      };
    });
  },
  commit(ctx: ServiceContext, _input: unknown, prepared: Prepared): ArchiveResult {
    const { result, checkpoint } = prepared;
    if (checkpoint) {
      if ((latestCheckpoint(ctx.db)?.throughId ?? 0) !== prepared.previousThroughId) throw new AppError('BACKUP_BUSY');
      ctx.db
        .prepare(
          `INSERT INTO audit_checkpoints (through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          checkpoint.throughId,
          checkpoint.throughHash,
          result.archived,
          result.archivedBefore,
          result.fileName,
          checkpoint.sha256,
          nowIso(ctx.clock),
          ctx.actor.userId,
        );
      ctx.db.prepare('DELETE FROM audit_events WHERE id > 1 AND id <= ?').run(checkpoint.throughId);
    }
    ctx.audit('audit.archive', null, `count=${result.archived},before=${result.archivedBefore}`);
    return result;
  },
});

/** The events of an archive, their chain checked up to the hash its checkpoint recorded. */
export function readAuditArchive(path: string, masterKey: Buffer): AuditEvent[] {
  const parsed = archiveSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new AppError('BACKUP_INVALID');
  const key = archiveKey(masterKey);
  const plain = unwrapKey(key, parsed.data.sealed, AAD);
  wipe(key);
  if (!plain) throw new AppError('BACKUP_WRONG_SECRET');
  const events = JSON.parse(plain.toString('utf8')) as AuditEvent[];
  let prevHash = events[0]?.prevHash ?? GENESIS_HASH;
  for (const event of events) {
    if (event.prevHash !== prevHash || hashEvent(prevHash, event) !== event.hash) throw new AppError('AUDIT_BROKEN');
    prevHash = event.hash;
  }
  if (prevHash !== parsed.data.throughHash) throw new AppError('AUDIT_BROKEN');
  return events;
}
