// Making one backup: `VACUUM INTO` a temporary folder on the share (the copy keeps the database's
// encryption; the online backup API refuses encrypted files and the in-memory image would be
// plaintext — db/README.md), then verify the copy (opened with the key, integrity_check, counts per table and the
// audit head equal to the source's at the moment of the copy), hash it, add the keyring and the
// signed manifest, and only then rename the folder to its final name. Any failure removes the
// temporary folder; one a killed process left behind is ignored by listings and removed next time.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../db/connection';
import { openEncryptedCopy } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { AppError } from '../../errors';
import { APP_VERSION } from '../../shared/app-version';
import type { Clock } from '../../shared/dates';
import { auditHead, countDifferences, countRows, tableCounts, tableNames } from './contents';
import { asShareFault } from './faults';
import { BACKUP_FILES, finalName, listBackupFolders, removeFolder, staleTemporaryFolders, tempName } from './layout';
import { BackupManifest, sha256File, signManifest } from './manifest';

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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
    // Counts, audit head and copy in one synchronous block: no other write can come in between.
    const expected = tableCounts(source.db);
    const head = auditHead(source.db);
    const version = schemaVersion(source.db);
    source.db.prepare('VACUUM INTO ?').run(copyPath);
    chmodSync(copyPath, 0o600);
    options.afterStep?.('copy', temp);
    report('verify', 50);
    await yieldToEventLoop();

    await verifyCopy(copyPath, source.masterKey, expected, head, (fraction) => report('verify', 50 + 30 * fraction));
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

/** Opens the copy with the key, read-only, and compares it with the source as it was copied. */
async function verifyCopy(
  copyPath: string,
  masterKey: Buffer,
  expected: Record<string, number>,
  head: ReturnType<typeof auditHead>,
  onFraction: (fraction: number) => void,
): Promise<void> {
  const copy = openEncryptedCopy(copyPath, masterKey);
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw verifyFailed([`contrôle d’intégrité SQLite : ${String(integrity)}`]);
    const names = tableNames(copy);
    const found: Record<string, number> = {};
    for (const [index, name] of names.entries()) {
      found[name] = countRows(copy, name);
      onFraction((index + 1) / names.length);
      await yieldToEventLoop();
    }
    const problems = countDifferences(expected, found);
    const copiedHead = auditHead(copy);
    if (copiedHead.hash !== head.hash || copiedHead.lastId !== head.lastId)
      problems.push('le dernier événement du journal d’audit diffère');
    if (problems.length > 0) throw verifyFailed(problems);
  } finally {
    copy.close();
  }
}

export function verifyFailed(problems: string[]): AppError {
  return new AppError('BACKUP_VERIFY_FAILED', { message: `La vérification de la sauvegarde a échoué : ${problems.join(' ; ')}.` });
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
