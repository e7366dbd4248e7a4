// The data folder: the encrypted database, its keyring and the unlock throttle, side by side.
// A new folder is built under a temporary sibling name and renamed into place once complete, so a
// set-up killed halfway leaves nothing that looks like a data folder: the next set-up starts again.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncFolder, writerOfTemporary } from '../../../db/files';
import { AppError } from '../../errors';

export type VaultState = 'uninitialized' | 'locked' | 'unlocked' | 'db_missing' | 'keyring_missing';

const DB_FILE = 'clsm.db';
const KEYRING_FILE = 'clsm.keyring.json';
const LOCKOUT_FILE = 'clsm.lockout.json';
const PENDING_AUDIT_FILE = 'clsm.pending-audit.json';
/** What a folder may hold before set-up: state written while it was uninitialised. */
const SETUP_LEFTOVERS = new Set([LOCKOUT_FILE, PENDING_AUDIT_FILE, `${LOCKOUT_FILE}.lock`]);

/** True while process `pid` runs (EPERM: it runs, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataFolder {
  readonly dbPath: string;
  readonly keyringPath: string;
  readonly lockoutPath: string;
  readonly pendingAuditPath: string;

  constructor(readonly dir: string) {
    this.dbPath = join(dir, DB_FILE);
    this.keyringPath = join(dir, KEYRING_FILE);
    this.lockoutPath = join(dir, LOCKOUT_FILE);
    this.pendingAuditPath = join(dir, PENDING_AUDIT_FILE);
  }

  /** What is on disk; `unlocked` is the vault's business, not the folder's. */
  state(): Exclude<VaultState, 'unlocked'> {
    const hasDb = existsSync(this.dbPath);
    const hasKeyring = existsSync(this.keyringPath);
    if (!hasDb && !hasKeyring) return 'uninitialized';
    if (!hasDb) return 'db_missing';
    if (!hasKeyring) return 'keyring_missing';
    return 'locked';
  }

  /**
   * At start-up: the temporary files that processes killed mid-write left in the folder (a state
   * file's, a restore's). A file whose writer still runs is kept: it is a write under way. Folders
   * (a key rotation's staging) are the swap's business. Returns how many were removed.
   */
  removeStaleTemporaryFiles(): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.tmp')) continue;
      const path = join(this.dir, name);
      if (!lstatSync(path).isFile()) continue;
      const writer = writerOfTemporary(name);
      if (writer !== null && (writer === process.pid || isRunning(writer))) continue;
      rmSync(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  create(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** After a failed initialisation: nothing half-made is left behind. */
  removeDatabaseFiles(): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.dbPath + suffix, { force: true });
  }

  private stagingPrefix(): string {
    return `${basename(this.dir)}.init-`;
  }

  /**
   * Before a set-up: the folder holds nothing but set-up leftovers (or does not exist), and the
   * temporary folders of set-ups that were killed are removed. Returns a new, empty staging folder.
   */
  beginSetup(): DataFolder {
    const parent = dirname(this.dir);
    mkdirSync(parent, { recursive: true });
    if (existsSync(this.dir)) {
      const unknown = readdirSync(this.dir).filter((name) => !SETUP_LEFTOVERS.has(name) && !name.endsWith('.tmp'));
      if (unknown.length > 0) throw new AppError('DATA_FOLDER_NOT_EMPTY');
    }
    for (const name of readdirSync(parent)) {
      if (name.startsWith(this.stagingPrefix())) rmSync(join(parent, name), { recursive: true, force: true });
    }
    const staging = join(parent, `${this.stagingPrefix()}${randomBytes(6).toString('hex')}`);
    mkdirSync(staging, { mode: 0o700 });
    return new DataFolder(staging);
  }

  /** The complete staging folder takes this folder's name, with the leftovers it held. One rename. */
  completeSetup(staging: DataFolder): void {
    fsyncFolder(staging.dir);
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) {
        if (SETUP_LEFTOVERS.has(name)) renameSync(join(this.dir, name), join(staging.dir, name));
        else rmSync(join(this.dir, name), { force: true }); // a temporary file of an interrupted write
      }
      rmdirSync(this.dir);
    }
    renameSync(staging.dir, this.dir);
    fsyncFolder(dirname(this.dir));
  }
}
