import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openEncryptedDatabase } from '../../db/connection';
import { Vault, VaultOptions } from '../../electron/services/vault';
import { COORDINATOR, ESTABLISHMENT } from '../fixtures/people';

const folders: string[] = [];

/** A fresh folder removed after the test; encrypted databases cannot live in `:memory:`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clsm-test-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface InitializedVault {
  vault: Vault;
  dataDir: string;
  recoveryKey: string;
}

export async function initializedVault(options: Partial<VaultOptions> = {}): Promise<InitializedVault> {
  const dataDir = options.dataDir ?? join(tempDir(), 'data');
  const vault = new Vault({ ...options, dataDir });
  const { recoveryKey } = await vault.initialize({
    establishmentName: ESTABLISHMENT,
    login: COORDINATOR.login,
    displayName: COORDINATOR.displayName,
    password: COORDINATOR.password,
  });
  return { vault, dataDir, recoveryKey };
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-02T08:30:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

/** True when `key` opens the database at `dbPath` (a wrong key fails at the first read). */
export function opens(dbPath: string, key: Buffer): boolean {
  try {
    openEncryptedDatabase(dbPath, key, { create: false }).close();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'DB_DAMAGED') return false;
    throw error;
  }
}
