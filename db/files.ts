import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * A temporary name beside `path`: the writer's process id and a random part, no personal data. The
 * process id lets a later start-up tell the leftover of a killed process from a write under way in a
 * process still running (electron/services/vault/data-folder.ts).
 */
export function temporaryNameFor(path: string): string {
  return `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** The process that wrote a temporary file named by `temporaryNameFor`, or null for any other name. */
export function writerOfTemporary(name: string): number | null {
  const match = /\.(\d{1,10})-[0-9a-f]{12}\.tmp$/.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * Write-then-rename so a crash never leaves a half-written keyring. The temporary file lives in the
 * same folder so the rename is atomic. The folder is flushed after the rename: without it, a power
 * cut can forget the rename (the old file comes back).
 */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const temp = temporaryNameFor(path);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncFolder(dirname(path));
}

/**
 * Makes a folder's entries (renames, creations) durable. Windows cannot open a folder for fsync and
 * commits renames with the metadata journal of NTFS, so there is nothing to do there.
 */
export function fsyncFolder(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
