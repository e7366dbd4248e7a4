// Restoring a backup into a data folder (the app's own, or a new one for the CLI): the backup is
// verified first (manifest, hashes, key, integrity, counts, audit chain); what the folder held is
// kept as a safety copy beside it; the database and keyring are put in place by rename; the restored
// database is opened, migrated if it is older, and the restore is written to its own audit trail,
// which must still verify. The database must be closed (the vault is locked) while this runs.
import { chmodSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncryptedDatabase } from '../../../db/connection';
import { temporaryNameFor } from '../../../db/files';
import { wipe } from '../../../db/crypto';
import { migrate } from '../../../db/migrate';
import { AppError } from '../../errors';
import type { Clock } from '../../shared/dates';
import { appendAudit } from '../audit/trail';
import { verifyAudit } from '../audit/verify';
import { readSetting, writeSetting } from '../settings/settings';
import { DataFolder } from '../vault/data-folder';
import { BACKUP_FILES, momentStamp } from './layout';
import { compareWithFolder, FolderComparison, reapplyRevocations, Revocation } from './revocations';
import { openBackup, BackupSecret, VerifiedBackup, verifyOpenedBackup } from './verify';

export interface RestoreResult {
  backup: VerifiedBackup;
  /** Where the folder's previous database and keyring were kept; null when it was empty. */
  safetyCopy: string | null;
  /** Events in the restored trail, the restore included. */
  auditEvents: number;
  /** What the folder knew that the backup did not: revocations re-applied, rotation required. */
  revocation: Revocation;
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The folder's current files, copied as they are (encrypted) before anything is replaced. */
function keepSafetyCopy(folder: DataFolder, at: Date): string | null {
  const present = [folder.dbPath, `${folder.dbPath}-wal`, folder.keyringPath].filter((p) => existsSync(p));
  if (present.length === 0) return null;
  const dir = join(folder.dir, `avant-restauration-${momentStamp(at)}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { mode: 0o700 });
  for (const path of present) copyDurably(path, join(dir, path.slice(folder.dir.length + 1)));
  return dir;
}

export async function restoreBackup(
  path: string,
  secret: BackupSecret,
  dataDir: string,
  options: {
    clock: Clock;
    /** Only a coordinator's password (or the recovery key) may restore. */
    requireCoordinator: boolean;
    /** Runs once the backup is verified, before anything is replaced (the app locks its session). */
    beforeReplace?: () => void;
  },
): Promise<RestoreResult> {
  const opened = await openBackup(path, secret);
  try {
    const backup = await verifyOpenedBackup(opened);
    if (options.requireCoordinator && backup.login !== null && backup.role !== 'coordinator') {
      throw new AppError('BACKUP_NOT_A_COORDINATOR');
    }
    const folder = new DataFolder(dataDir);
    const comparison = compareWithFolder(folder, opened);
    // A user disabled since the backup does not bring their old access back by restoring it.
    if (backup.login !== null && comparison.revokedLogins.includes(backup.login)) throw new AppError('BACKUP_USER_REVOKED');
    options.beforeReplace?.();
    folder.create();
    const safetyCopy = keepSafetyCopy(folder, options.clock());
    const dbTemp = temporaryNameFor(folder.dbPath);
    const keyringTemp = temporaryNameFor(folder.keyringPath);
    try {
      copyDurably(join(opened.dir, BACKUP_FILES.database), dbTemp);
      copyDurably(join(opened.dir, BACKUP_FILES.keyring), keyringTemp);
      // The old database is closed and kept: its journal files must not be replayed onto the new one.
      for (const extra of ['-wal', '-shm']) rmSync(folder.dbPath + extra, { force: true });
      renameSync(dbTemp, folder.dbPath);
      renameSync(keyringTemp, folder.keyringPath);
    } finally {
      rmSync(dbTemp, { force: true });
      rmSync(keyringTemp, { force: true });
    }
    try {
      return { backup, safetyCopy, ...recordRestore(folder, opened.masterKey, backup, comparison, options.clock) };
    } catch (error) {
      putBack(folder, safetyCopy);
      throw error;
    }
  } finally {
    wipe(opened.masterKey);
  }
}

/** The restored database, opened and migrated, records its own restore; its trail must verify. */
function recordRestore(
  folder: DataFolder,
  masterKey: Buffer,
  backup: VerifiedBackup,
  comparison: FolderComparison,
  clock: Clock,
): { auditEvents: number; revocation: Revocation } {
  const db = openEncryptedDatabase(folder.dbPath, masterKey, { create: false });
  try {
    migrate(db, { clock });
    const revocation = reapplyRevocations(db, folder, comparison, clock);
    // The backup just restored was verified: it is the base's last verified backup at least.
    const known = readSetting(db, 'lastVerifiedBackupAt');
    if (!known || known < backup.manifest.createdAt) writeSetting(db, 'lastVerifiedBackupAt', backup.manifest.createdAt);
    const userId = backup.login
      ? ((db.prepare('SELECT id FROM users WHERE login = ?').pluck().get(backup.login) as number | undefined) ?? null)
      : null;
    appendAudit(
      db,
      {
        userId,
        action: 'backup.restored',
        objectType: 'backup',
        objectId: backup.manifest.createdAt.replace(/[^0-9TZ]/g, ''),
        outcome: 'success',
        detail: [
          `schema=${backup.manifest.schemaVersion}`,
          `via=${backup.login ? 'password' : 'recovery'}`,
          ...(revocation.rotationRequired
            ? [`revoked=${revocation.revoked.length}`, `olderKey=${revocation.predatesRotation}`, 'rotation=required']
            : []),
        ].join(','),
      },
      clock(),
    );
    // The backup's chain was verified a moment ago: only what follows its head is hashed again.
    const audit = verifyAudit(db, { databaseId: backup.databaseId, from: backup.auditHead });
    if (!audit.ok) throw new AppError('DB_DAMAGED');
    return { auditEvents: audit.count, revocation };
  } finally {
    db.close();
  }
}

/** A restore that failed after the files were replaced: the folder gets back what it held. */
function putBack(folder: DataFolder, safetyCopy: string | null): void {
  for (const extra of ['-wal', '-shm']) rmSync(folder.dbPath + extra, { force: true });
  if (!safetyCopy) {
    folder.removeDatabaseFiles();
    rmSync(folder.keyringPath, { force: true });
    return;
  }
  for (const path of [folder.dbPath, `${folder.dbPath}-wal`, folder.keyringPath]) {
    const kept = join(safetyCopy, path.slice(folder.dir.length + 1));
    if (existsSync(kept)) copyDurably(kept, path);
    else rmSync(path, { force: true });
  }
}
