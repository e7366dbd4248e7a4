// Backups as the coordinator runs them: to the configured share, the password asked again (the
// copy leaves the workstation and is opened with the key to be verified), one at a time per share,
// progress readable while it runs, result and duration audited, failures too. Restore replaces the
// open database, so it runs on the vault: the session ends and the user unlocks the restored base.
import { resolve } from 'node:path';
import type { Db } from '../../../db/connection';
import { AppError, isAppError } from '../../errors';
import { addDays, Clock, parisDay, today as todayOf } from '../../shared/dates';
import { readSetting, writeSetting } from '../settings/settings';
import type { ServiceContext, VaultContext } from '../context';
import { BackupProgress, createBackup } from './create';
import { shareFault } from './faults';
import { listBackupFolders } from './layout';
import { restoreBackup } from './restore';
import type { Revocation } from './revocations';
import { BackupSecret, readManifest, verifyBackup } from './verify';

export interface BackupListing {
  name: string;
  at: string;
  /** null when the manifest is missing or unreadable (the backup cannot be trusted). */
  bytes: number | null;
  schemaVersion: number | null;
  appVersion: string | null;
}

export interface BackupReminder {
  lastVerifiedAt: string | null;
  reminderDays: number;
}

export interface BackupStatus {
  share: string;
  keep: number;
  reminder: BackupReminder | null;
  lastVerifiedAt: string | null;
  /** The share's problem in French (missing, unreadable), or null. */
  shareProblem: string | null;
  backups: BackupListing[];
  running: BackupProgress | null;
}

export interface BackupSummary {
  name: string;
  path: string;
  createdAt: string;
  bytes: number;
  tables: number;
  removed: string[];
  durationMs: number;
}

const running = new Map<string, BackupProgress>();

function configuredShare(db: Db): string {
  const share = readSetting(db, 'backupShare') ?? '';
  if (share === '') throw new AppError('BACKUP_NOT_CONFIGURED');
  return resolve(share);
}

/** Due when no verified backup exists or the last is older than the configured period. */
export function backupReminder(db: Db, clock: Clock): BackupReminder | null {
  const lastVerifiedAt = readSetting(db, 'lastVerifiedBackupAt');
  const reminderDays = readSetting(db, 'backupReminderDays') ?? 365;
  if (lastVerifiedAt && addDays(parisDay(new Date(lastVerifiedAt)), reminderDays) > todayOf(clock)) return null;
  return { lastVerifiedAt, reminderDays };
}

export function backupStatus(ctx: ServiceContext): BackupStatus {
  const share = readSetting(ctx.db, 'backupShare') ?? '';
  const status: BackupStatus = {
    share,
    keep: readSetting(ctx.db, 'backupKeep') ?? 5,
    reminder: backupReminder(ctx.db, ctx.clock),
    lastVerifiedAt: readSetting(ctx.db, 'lastVerifiedBackupAt'),
    shareProblem: null,
    backups: [],
    running: share ? (running.get(resolve(share)) ?? null) : null,
  };
  if (share === '') return status;
  try {
    status.backups = listBackupFolders(resolve(share)).map((folder) => {
      try {
        const manifest = readManifest(folder.path);
        return {
          name: folder.name,
          at: manifest.createdAt,
          bytes: manifest.database.bytes,
          schemaVersion: manifest.schemaVersion,
          appVersion: manifest.appVersion,
        };
      } catch (error) {
        if (!isAppError(error)) throw error;
        return { name: folder.name, at: folder.at, bytes: null, schemaVersion: null, appVersion: null };
      }
    });
  } catch (error) {
    const fault = shareFault(error);
    if (!fault) throw error;
    status.shareProblem = fault.message;
  }
  ctx.audit('backup.status');
  return status;
}

export function backupProgress(ctx: ServiceContext): BackupProgress | null {
  const share = readSetting(ctx.db, 'backupShare') ?? '';
  return share ? (running.get(resolve(share)) ?? null) : null;
}

/** The backup of the configured share, from the app. */
export function runBackup(ctx: ServiceContext, input: { actorPassword: string }): Promise<BackupSummary> {
  return backupTo(ctx, configuredShare(ctx.db), input.actorPassword);
}

/** One backup to `share` (the CLI names it with --to), the actor's password asked again. */
export async function backupTo(
  ctx: ServiceContext,
  share: string,
  actorPassword: string,
  via: 'app' | 'cli' = 'app',
): Promise<BackupSummary> {
  if (running.has(share)) throw new AppError('BACKUP_BUSY');
  running.set(share, { step: 'copy', percent: 0 });
  const started = ctx.clock().getTime();
  try {
    const result = await ctx.keys.confirm(ctx.actor.login, actorPassword, (masterKey) =>
      createBackup({ db: ctx.db, masterKey, keyringPath: ctx.keys.path, clock: ctx.clock }, share, {
        keep: readSetting(ctx.db, 'backupKeep') ?? 5,
        onProgress: (progress) => running.set(share, progress),
      }),
    );
    writeSetting(ctx.db, 'lastVerifiedBackupAt', result.manifest.createdAt);
    ctx.audit(
      'backup.run',
      { type: 'backup', id: result.name.replace('clsm-sauvegarde-', '') },
      [`bytes=${result.manifest.database.bytes}`, `ms=${result.durationMs}`, `removed=${result.removed.length}`, `via=${via}`].join(','),
    );
    return {
      name: result.name,
      path: result.path,
      createdAt: result.manifest.createdAt,
      bytes: result.manifest.database.bytes,
      tables: Object.keys(result.manifest.counts).length,
      removed: result.removed,
      durationMs: result.durationMs,
    };
  } catch (error) {
    if (!isAppError(error) || error.code === 'CONFIRMATION_REQUIRED' || error.code === 'UNLOCK_DELAY') throw error;
    ctx.audit('backup.run', null, `code=${error.code},ms=${ctx.clock().getTime() - started},via=${via}`, 'failure');
    throw new AppError(error.code, { message: error.message, alreadyAudited: true });
  } finally {
    running.delete(share);
  }
}

function backupPath(db: Db, name: string): string {
  const folder = listBackupFolders(configuredShare(db)).find((b) => b.name === name);
  if (!folder) throw new AppError('BACKUP_NOT_FOUND');
  return folder.path;
}

export interface BackupVerification {
  name: string;
  createdAt: string;
  counts: Record<string, number>;
  auditEvents: number;
}

export interface RestoreSummary {
  /** Where the replaced database was kept, inside the data folder. */
  safetyCopy: string | null;
  createdAt: string;
  /** Users disabled again and the key rotation required at the next unlock, when the backup predates them. */
  revocation: Revocation;
}

export async function verifyShareBackup(ctx: ServiceContext, input: { name: string; secret: BackupSecret }): Promise<BackupVerification> {
  const verified = await verifyBackup(backupPath(ctx.db, input.name), input.secret);
  ctx.audit('backup.verify', { type: 'backup', id: input.name.replace('clsm-sauvegarde-', '') }, `events=${verified.auditEvents}`);
  return { name: input.name, createdAt: verified.manifest.createdAt, counts: verified.counts, auditEvents: verified.auditEvents };
}

/**
 * Restores a backup of the share over the open database: the actor's password first, then the
 * backup's own secret; the current base is kept as a safety copy; the session ends.
 */
export async function restoreShareBackup(
  ctx: VaultContext,
  input: { name: string; actorPassword: string; secret: BackupSecret | null },
): Promise<RestoreSummary> {
  const path = backupPath(ctx.db, input.name);
  const share = configuredShare(ctx.db);
  if (running.has(share)) throw new AppError('BACKUP_BUSY');
  await ctx.keys.confirm(ctx.actor.login, input.actorPassword, () => undefined);
  const { vault } = ctx;
  const result = await restoreBackup(path, input.secret ?? { password: input.actorPassword }, vault.folder.dir, {
    clock: ctx.clock,
    requireCoordinator: true,
    // Recorded in the base being replaced (so in its safety copy), then the session ends.
    beforeReplace: () => {
      ctx.audit('backup.restore', { type: 'backup', id: input.name.replace('clsm-sauvegarde-', '') }, 'step=replace');
      vault.lock('restore');
    },
  });
  return { safetyCopy: result.safetyCopy, createdAt: result.backup.manifest.createdAt, revocation: result.revocation };
}
