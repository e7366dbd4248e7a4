// The trail's own retention: events older than the configured period leave the database for an
// encrypted file on the share (AES-256-GCM under a key derived from the master key, so a backup's
// keyring opens it too), and a checkpoint keeps the last archived event's id and hash, from which
// the remaining chain still verifies. Only events behind a checkpoint may be deleted (migration 007),
// and only this operation writes a checkpoint: sealed, following the previous one (migration 011).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wrapKey } from '../../../db/crypto';
import { AppError } from '../../errors';
import { addMonths, dayRange, nowIso } from '../../shared/dates';
import { momentStamp } from '../backup/layout';
import { asShareFault } from '../backup/faults';
import { sha256File } from '../backup/manifest';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { readSetting } from '../settings/settings';
import { ARCHIVE_EXTENSION } from './archive-file';
import { listCheckpoints, sealOf } from './checkpoints';
import { ARCHIVE_AAD, withAuditKeys } from './keys';
import { EVENT_COLUMNS, latestCheckpoint, rowToEvent } from './trail';
import { verifyAudit } from './verify';

export interface ArchiveResult {
  archived: number;
  fileName: string | null;
  archivedBefore: string;
}

interface Prepared {
  result: ArchiveResult;
  checkpoint: { fromId: number; throughId: number; throughHash: string; sha256: string; mac: string } | null;
  previousThroughId: number;
}

/** Archives the events older than the retention period to the backup share; the password is asked again. */
export const archiveAuditTrail = staged({
  async prepare(ctx: ServiceContext, input: { actorPassword: string }): Promise<Prepared> {
    const share = readSetting(ctx.db, 'backupShare') ?? '';
    if (share === '') throw new AppError('BACKUP_NOT_CONFIGURED');
    const months = readSetting(ctx.db, 'auditRetentionMonths') ?? 36;
    const archivedBefore = addMonths(ctx.today, -months);
    // The password proves the coordinator is at the keyboard; the trail's keys come from the base.
    return ctx.keys.confirm(ctx.actor.login, input.actorPassword, async () => {
      const previous = latestCheckpoint(ctx.db);
      const previousThroughId = previous?.throughId ?? 0;
      const databaseId = ctx.keys.read().databaseId ?? null;
      const sealed = withAuditKeys(ctx.db, (keys) => {
        if (!keys) throw new Error('the audit secret is written by migration 011');
        const verification = verifyAudit(ctx.db, { databaseId });
        if (!verification.ok)
          throw new AppError('AUDIT_BROKEN', { message: `Le journal est rompu : ${verification.reason}. Rien n’a été archivé.` });
        const rows = ctx.db
          // The genesis event (id 1) stays: the chain is proven from the database's creation.
          .prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events WHERE id > ? AND at < ? ORDER BY id`)
          .all(Math.max(previousThroughId, 1), dayRange(archivedBefore).start) as Parameters<typeof rowToEvent>[0][];
        const events = rows.map(rowToEvent);
        if (events.length === 0) return null;
        return { events, body: wrapKey(keys.archive, Buffer.from(JSON.stringify(events), 'utf8'), ARCHIVE_AAD) };
      });
      if (!sealed) return { result: { archived: 0, fileName: null, archivedBefore }, checkpoint: null, previousThroughId };
      const { events } = sealed;
      const last = events[events.length - 1]!;
      const fileName = `clsm-journal-archive-${momentStamp(ctx.clock())}${ARCHIVE_EXTENSION}`;
      const path = join(resolve(share), fileName);
      const body = {
        format: 'clsm-audit-archive',
        version: 1,
        fromId: events[0]!.id,
        throughId: last.id,
        throughHash: last.hash,
        count: events.length,
        archivedBefore,
        sealed: sealed.body,
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
      const checkpoint = { fromId: events[0]!.id, throughId: last.id, throughHash: last.hash, sha256 };
      const genesisHash = ctx.db.prepare('SELECT hash FROM audit_events WHERE id = 1').pluck().get() as string;
      const previousMac = listCheckpoints(ctx.db).at(-1)?.mac ?? null;
      const mac = withAuditKeys(ctx.db, (keys) =>
        sealOf(
          keys!.seal,
          { ...checkpoint, archiveSha256: sha256, archivedCount: events.length, archivedBefore, archiveName: fileName },
          { databaseId, genesisHash, previousMac },
        ),
      );
      return {
        result: { archived: events.length, fileName, archivedBefore },
        checkpoint: { ...checkpoint, mac },
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
          `INSERT INTO audit_checkpoints (from_id, through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, mac, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          checkpoint.fromId,
          checkpoint.throughId,
          checkpoint.throughHash,
          result.archived,
          result.archivedBefore,
          result.fileName,
          checkpoint.sha256,
          checkpoint.mac,
          nowIso(ctx.clock),
          ctx.actor.userId,
        );
      ctx.db.prepare('DELETE FROM audit_events WHERE id > 1 AND id <= ?').run(checkpoint.throughId);
    }
    ctx.audit('audit.archive', null, `count=${result.archived},before=${result.archivedBefore}`);
    return result;
  },
});
