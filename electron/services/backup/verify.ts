// Checking a backup on its own, as hospital IT does before trusting it and as a restore does first:
// the manifest parses, the files match its hashes, a user's password (or the backup's recovery
// key) opens the backup's own keyring, the manifest's MAC matches, and the database opens with that
// key, passes integrity_check, holds the counts recorded and its audit chain verifies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openEncryptedCopy } from '../../../db/connection';
import { normalizeRecoveryKey, wipe } from '../../../db/crypto';
import { Keyring, readKeyring, unlockWithPassword, unlockWithRecovery } from '../../../db/keyring';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { AppError } from '../../errors';
import type { Role } from '../../shared/vocabulary';
import { verifyAudit } from '../audit/verify';
import { secretBuffer } from '../vault/keyring-service';
import { auditHead, countDifferences, tableCounts } from './contents';
import { verifyFailed } from './create';
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

/** The database of an opened backup: integrity, counts, audit chain. Read-only. */
export function verifyOpenedBackup(opened: OpenedBackup): VerifiedBackup {
  const { manifest } = opened;
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) throw new AppError('BACKUP_TOO_NEW');
  let db;
  try {
    db = openEncryptedCopy(join(opened.dir, manifest.database.file), opened.masterKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'DB_DAMAGED') throw verifyFailed(['la base ne s’ouvre pas avec la clé du trousseau']);
    throw error;
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw verifyFailed([`contrôle d’intégrité SQLite : ${String(integrity)}`]);
    const counts = tableCounts(db);
    const problems = countDifferences(manifest.counts, counts);
    const head = auditHead(db);
    if (head.hash !== manifest.auditHead.hash) problems.push('le dernier événement du journal d’audit diffère du manifeste');
    const audit = verifyAudit(db, { databaseId: opened.databaseId });
    if (!audit.ok) problems.push(`journal d’audit rompu : ${audit.reason}`);
    if (problems.length > 0) throw verifyFailed(problems);
    const role = opened.login
      ? ((db.prepare('SELECT role FROM users WHERE login = ? AND active = 1').pluck().get(opened.login) as Role | undefined) ?? null)
      : null;
    return { dir: opened.dir, manifest, counts, auditEvents: audit.count, role, login: opened.login, databaseId: opened.databaseId };
  } catch (error) {
    // A page that fails its authentication tag (flipped bytes) surfaces here as SQLITE_CORRUPT/NOTADB.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) throw verifyFailed([`base illisible (${code})`]);
    throw error;
  } finally {
    db.close();
  }
}

/** The whole check, for `verify-backup` and the « Vérifier » button. */
export async function verifyBackup(path: string, secret: BackupSecret): Promise<VerifiedBackup> {
  const opened = await openBackup(path, secret);
  try {
    return verifyOpenedBackup(opened);
  } finally {
    wipe(opened.masterKey);
  }
}
