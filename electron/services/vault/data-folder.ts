// The data folder: the encrypted database, its keyring and the unlock throttle, side by side.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type VaultState = 'uninitialized' | 'locked' | 'unlocked' | 'db_missing' | 'keyring_missing';

export class DataFolder {
  readonly dbPath: string;
  readonly keyringPath: string;
  readonly lockoutPath: string;

  constructor(readonly dir: string) {
    this.dbPath = join(dir, 'clsm.db');
    this.keyringPath = join(dir, 'clsm.keyring.json');
    this.lockoutPath = join(dir, 'clsm.lockout.json');
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

  create(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** After a failed initialisation: nothing half-made is left behind. */
  removeDatabaseFiles(): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.dbPath + suffix, { force: true });
  }
}
