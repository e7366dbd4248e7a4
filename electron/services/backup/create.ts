// Making one backup: the encrypted database file copied as it is into a temporary folder on the
// share, under a read snapshot (the online backup API refuses encrypted files and the in-memory
// image would be plaintext — db/README.md; decision 024), then checked in the jobs worker
// (quick_check, counts, the audit head of the snapshot, the chain from the last backup's head),
// hashed, with the keyring and the signed manifest, and only then renamed to its final name. Any failure removes the
// temporary folder; one a killed process left behind is ignored by listings and removed next time.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/connection';
import { openEncryptedCopy } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { AppError, isAppError } from '../../errors';
import { APP_VERSION } from '../../shared/app-version';
import type { Clock } from '../../shared/dates';
import { auditLast, type AuditHead } from './contents';
import { readKeyring } from '../../../db/keyring';
import type { AuditHeadMark } from '../audit/verify';
import { runJob } from '../jobs/run';
import { asShareFault } from './faults';
import { BACKUP_FILES, finalName, listBackupFolders, removeFolder, staleTemporaryFolders, tempName } from './layout';
import { BackupManifest, macMatches, sha256File, signManifest } from './manifest';
import { readManifest } from './verify';

export type BackupStep = 'copy' | 'verify' | 'hash' | 'finish';

export interface BackupProgress {
  step: BackupStep;
  /** 0–100, over the whole backup. */
  percent: number;
}

export interface BackupSource {
  db: Db;
  /** Used to open the copy and to sign the manifest; the caller wipes it afterwards. */
  masterKey: Buffer;
  keyringPath: string;
  clock: Clock;
}

export interface BackupOptions {
  /** How many finished backups to keep on the share, this one included. */
  keep: number;
  onProgress?: (progress: BackupProgress) => void;
  /** Test seam: runs between two steps, so a test can interrupt the work where it wants. */
  afterStep?: (step: BackupStep, tempPath: string) => void;
}

export interface BackupResult {
  name: string;
  path: string;
  manifest: BackupManifest;
  /** Older backups removed to keep the last N. */
  removed: string[];
  durationMs: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Snapshot {
  head: Omit<AuditHead, 'count'>;
  version: number;
  databaseId: string | null;
  release(): void;
}

/**
 * Empties the WAL into the file, then opens a read transaction on a second connection: from then
 * on the file holds exactly that snapshot (a checkpoint never writes past a reader's snapshot). The
 * app writes on this thread, so nothing comes in between; another process (the CLI) might: the WAL
 * is then not empty and the step is tried again.
 */
async function holdSnapshot(source: BackupSource): Promise<Snapshot> {
  const databaseId = readKeyring(source.keyringPath).databaseId ?? null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [checkpoint] = source.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    const reader = openEncryptedCopy(source.db.name, source.masterKey);
    const release = () => {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    };
    try {
      reader.exec('BEGIN');
      const head = auditLast(reader);
      const version = schemaVersion(reader);
      const walBytes = statSync(`${source.db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0;
      if (checkpoint?.busy === 0 && walBytes === 0) return { head, version, databaseId, release };
    } catch (error) {
      release();
      throw error;
    }
    release();
    await pause(50 * (attempt + 1));
  }
  throw new AppError('BACKUP_BUSY');
}

function writeDurably(path: string, content: Buffer | string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function assertShareFolder(shareDir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(shareDir).isDirectory();
  } catch (error) {
    throw asShareFault(error);
  }
  if (!isDirectory) throw new AppError('BACKUP_SHARE_MISSING');
}

export async function createBackup(source: BackupSource, shareDir: string, options: BackupOptions): Promise<BackupResult> {
  const started = source.clock().getTime();
  const report = (step: BackupStep, percent: number) => options.onProgress?.({ step, percent: Math.round(percent) });
  assertShareFolder(shareDir);
  const tempFolder = tempName();
  const temp = join(shareDir, tempFolder);
  try {
    mkdirSync(temp, { mode: 0o700 });
  } catch (error) {
    throw asShareFault(error);
  }
  try {
    // Leftovers of an interrupted run: never listed as backups, removed now that we can write.
    for (const stale of staleTemporaryFolders(shareDir, tempFolder)) removeFolder(stale);
    report('copy', 0);
    const copyPath = join(temp, BACKUP_FILES.database);
    // The file is copied as it is on disk (encrypted pages, at disk speed, off the main thread)
    // while a read transaction holds the snapshot: no checkpoint can change the file meanwhile.
    const snapshot = await holdSnapshot(source);
    try {
      await copyFile(source.db.name, copyPath);
    } finally {
      snapshot.release();
    }
    chmodSync(copyPath, 0o600);
    options.afterStep?.('copy', temp);
    report('verify', 40);

    // Checked in the worker: quick_check, counts, the trail's head, its chain from the last mark.
    const mark = lastBackupMark(shareDir, source.masterKey);
    const checked = await runJob(
      'checkCopy',
      { copyPath, masterKey: new Uint8Array(source.masterKey), expectedHead: snapshot.head, from: mark, databaseId: snapshot.databaseId },
      (fraction) => report('verify', 40 + 40 * fraction),
    );
    const expected = checked.counts;
    const head = { ...snapshot.head, count: checked.auditCount };
    const version = snapshot.version;
    options.afterStep?.('verify', temp);

    report('hash', 80);
    const { size: total } = statSync(copyPath);
    const { sha256, bytes } = await sha256File(copyPath, (read) => report('hash', 80 + 15 * (read / Math.max(total, 1))));
    const keyring = readFileSync(source.keyringPath);
    writeDurably(join(temp, BACKUP_FILES.keyring), keyring);
    const { sha256: keyringSha } = await sha256File(join(temp, BACKUP_FILES.keyring));
    const createdAt = source.clock();
    const manifest = signManifest(
      {
        format: 'clsm-backup',
        version: 1,
        createdAt: createdAt.toISOString(),
        appVersion: APP_VERSION,
        schemaVersion: version,
        database: { file: BACKUP_FILES.database, bytes, sha256 },
        keyring: { file: BACKUP_FILES.keyring, sha256: keyringSha },
        counts: expected,
        auditHead: head,
        chainVerified: true,
      },
      source.masterKey,
    );
    writeDurably(join(temp, BACKUP_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
    options.afterStep?.('hash', temp);

    report('finish', 95);
    const name = uniqueName(shareDir, createdAt);
    const path = join(shareDir, name);
    renameSync(temp, path);
    const removed = prune(shareDir, options.keep, name);
    report('finish', 100);
    return { name, path, manifest, removed, durationMs: source.clock().getTime() - started };
  } catch (error) {
    removeQuietly(temp);
    throw asShareFault(error);
  }
}

/**
 * How far the chain was verified by the newest backup on the share that says so and whose
 * manifest this key authenticates: the new copy's chain is hashed from there only. None (a first
 * backup, a key changed since, a manifest altered): the whole chain is verified.
 */
function lastBackupMark(shareDir: string, masterKey: Buffer): AuditHeadMark | null {
  for (const backup of listBackupFolders(shareDir)) {
    let manifest;
    try {
      manifest = readManifest(backup.path);
    } catch (error) {
      if (isAppError(error)) continue;
      throw error;
    }
    if (manifest.chainVerified === true && macMatches(manifest, masterKey) && manifest.auditHead.lastId > 0)
      return { count: manifest.auditHead.lastId, hash: manifest.auditHead.hash };
  }
  return null;
}

function uniqueName(shareDir: string, at: Date): string {
  const taken = new Set(listBackupFolders(shareDir).map((b) => b.name));
  let candidate = finalName(at);
  // Two backups in the same second: the next free second keeps names sortable.
  for (let shift = 1; taken.has(candidate); shift++) candidate = finalName(new Date(at.getTime() + shift * 1000));
  return candidate;
}

/** Keeps the newest `keep` backups; the one just made is never removed. */
function prune(shareDir: string, keep: number, made: string): string[] {
  const removed: string[] = [];
  const older = listBackupFolders(shareDir).filter((b) => b.name !== made);
  for (const backup of older.slice(Math.max(keep - 1, 0))) {
    removeFolder(backup.path);
    removed.push(backup.name);
  }
  return removed;
}

function removeQuietly(path: string): void {
  try {
    removeFolder(path);
  } catch {
    // The original error is what the user must see; a temporary folder that cannot be removed now
    // is never listed as a backup and is removed by the next run that can write to the share.
  }
}
