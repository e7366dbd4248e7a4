// Checking a backup on its own, as hospital IT does before trusting it and as a restore does first:
// the manifest parses, the files match its hashes, a user's password (or the backup's recovery
// key) opens the backup's own keyring, the manifest's MAC matches, and the database opens with that
// key, passes integrity_check, holds the counts recorded and its audit chain verifies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeRecoveryKey, wipe } from '../../../db/crypto';
import { Keyring, readKeyring, unlockWithPassword, unlockWithRecovery } from '../../../db/keyring';
import { AppError } from '../../errors';
import type { Role } from '../../shared/vocabulary';
import type { AuditHeadMark } from '../audit/verify';
import { runJob } from '../jobs/run';
import { secretBuffer } from '../vault/keyring-service';
import { verifyFailed } from './problems';
import { BACKUP_FILES } from './layout';
import { BackupManifest, macMatches, manifestSchema, sha256File } from './manifest';

/** A user's password (tried against every password slot) or the backup's recovery key. */
export type BackupSecret = { password: string } | { recoveryKey: string };

export interface OpenedBackup {
  dir: string;
  manifest: BackupManifest;
  /** The backup's master key: the caller wipes it. */
  masterKey: Buffer;
  /** Whose password opened it; null for the recovery key. */
  login: string | null;
  /** The id the backup's trail must begin with, from its own keyring. */
  databaseId: string | null;
}

export interface VerifiedBackup {
  dir: string;
  manifest: BackupManifest;
  counts: Record<string, number>;
  auditEvents: number;
  /** The verified chain's last event: a restore goes on from it without hashing it all again. */
  auditHead: AuditHeadMark;
  /** The role, in the backup, of the user whose password opened it; null for the recovery key. */
  role: Role | null;
  login: string | null;
  databaseId: string | null;
}

/** A backup folder, or a file inside one (IT may point at the database file). */
export function backupFolderOf(path: string): string {
  if (!existsSync(path)) throw new AppError('BACKUP_NOT_FOUND');
  return statSync(path).isDirectory() ? path : join(path, '..');
}

export function readManifest(dir: string): BackupManifest {
  const path = join(dir, BACKUP_FILES.manifest);
  if (!existsSync(path)) throw new AppError('BACKUP_INVALID');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Not JSON: exactly "unreadable manifest"; the parser's message adds nothing for the user.
    throw new AppError('BACKUP_INVALID');
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new AppError('BACKUP_INVALID');
  return result.data;
}

/** Files present and equal to the manifest's hashes; every problem is named. */
async function checkFiles(dir: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const [label, file, sha] of [
    ['de la base de données', manifest.database.file, manifest.database.sha256],
    ['du trousseau de clés', manifest.keyring.file, manifest.keyring.sha256],
  ] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`fichier ${label} (${file}) absent`);
      continue;
    }
    const found = await sha256File(path);
    if (found.sha256 !== sha) problems.push(`empreinte SHA-256 ${label} différente de celle du manifeste (fichier modifié ou abîmé)`);
  }
  if (problems.length > 0) throw verifyFailed(problems);
}

async function unlockBackupKeyring(keyring: Keyring, secret: BackupSecret): Promise<{ masterKey: Buffer; login: string | null } | null> {
  if ('recoveryKey' in secret) {
    const normalized = normalizeRecoveryKey(secret.recoveryKey);
    if (!normalized) return null;
    try {
      const masterKey = await unlockWithRecovery(keyring, normalized);
      return masterKey ? { masterKey, login: null } : null;
    } finally {
      wipe(normalized);
    }
  }
  const password = secretBuffer(secret.password);
  try {
    for (const slot of keyring.slots) {
      if (slot.kind !== 'password') continue;
      const masterKey = await unlockWithPassword(keyring, slot.login, password);
      if (masterKey) return { masterKey, login: slot.login };
    }
    return null;
  } finally {
    wipe(password);
  }
}

/** Manifest, hashes, keyring and MAC; the database itself is checked by `verifyOpenedBackup`. */
export async function openBackup(path: string, secret: BackupSecret): Promise<OpenedBackup> {
  const dir = backupFolderOf(path);
  const manifest = readManifest(dir);
  await checkFiles(dir, manifest);
  let keyring: Keyring;
  try {
    keyring = readKeyring(join(dir, BACKUP_FILES.keyring));
  } catch {
    // The hash matched, so the keyring is as written; unreadable means not ours.
    throw new AppError('BACKUP_INVALID');
  }
  const opened = await unlockBackupKeyring(keyring, secret);
  if (!opened) throw new AppError('BACKUP_WRONG_SECRET');
  if (!macMatches(manifest, opened.masterKey)) {
    wipe(opened.masterKey);
    throw verifyFailed(['le manifeste a été modifié après la sauvegarde (signature du manifeste invalide)']);
  }
  return { dir, manifest, ...opened, databaseId: keyring.databaseId ?? null };
}

/** The database of an opened backup: quick_check, counts, audit chain — in the jobs worker. Read-only. */
export async function verifyOpenedBackup(opened: OpenedBackup, onProgress?: (fraction: number) => void): Promise<VerifiedBackup> {
  const checked = await runJob(
    'verifyBackupDatabase',
    {
      dbPath: join(opened.dir, opened.manifest.database.file),
      masterKey: new Uint8Array(opened.masterKey),
      manifest: opened.manifest,
      databaseId: opened.databaseId,
      login: opened.login,
      from: null,
    },
    onProgress,
  );
  return {
    dir: opened.dir,
    manifest: opened.manifest,
    counts: checked.counts,
    auditEvents: checked.auditEvents,
    auditHead: checked.head,
    role: checked.role,
    login: opened.login,
    databaseId: opened.databaseId,
  };
}

/** The whole check, for `verify-backup` and the « Vérifier » button. */
export async function verifyBackup(path: string, secret: BackupSecret): Promise<VerifiedBackup> {
  const opened = await openBackup(path, secret);
  try {
    return await verifyOpenedBackup(opened);
  } finally {
    wipe(opened.masterKey);
  }
}
