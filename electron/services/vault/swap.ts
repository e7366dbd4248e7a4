// Replacing the database and its keyring together (key rotation). Both files are written complete
// into a staging folder beside them; the commit is one rename of that folder to `clsm.swap`; then
// each file is moved into place. Whatever the moment of a crash, the next start finds either the old
// pair intact (an uncommitted staging folder is discarded) or a committed swap it finishes.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncFolder } from '../../../db/files';
import { DataFolder } from './data-folder';

const STAGING = 'clsm.swap.tmp';
const COMMITTED = 'clsm.swap';

/** Writes the new pair into a fresh staging folder; nothing in the data folder changes yet. */
export function stageSwap(folder: DataFolder, write: (staging: DataFolder) => void): void {
  const staging = join(folder.dir, STAGING);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    write(new DataFolder(staging));
    fsyncFolder(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The point of no return: the staged pair will replace the current one, now or at the next start. */
export function commitSwap(folder: DataFolder): void {
  renameSync(join(folder.dir, STAGING), join(folder.dir, COMMITTED));
  fsyncFolder(folder.dir);
}

/**
 * Finishes a committed swap (the database first, its journal files removed so they are not replayed
 * onto it, then the keyring), and discards a staged one that was never committed. Idempotent.
 */
export function settleSwap(folder: DataFolder): void {
  rmSync(join(folder.dir, STAGING), { recursive: true, force: true });
  const committed = new DataFolder(join(folder.dir, COMMITTED));
  if (!existsSync(committed.dir)) return;
  if (existsSync(committed.dbPath)) {
    for (const extra of ['-wal', '-shm']) rmSync(folder.dbPath + extra, { force: true });
    renameSync(committed.dbPath, folder.dbPath);
  }
  if (existsSync(committed.keyringPath)) renameSync(committed.keyringPath, folder.keyringPath);
  fsyncFolder(folder.dir);
  rmSync(committed.dir, { recursive: true, force: true });
}
