// The first run is atomic: killed at any step, the data folder is either absent (set-up starts again)
// or complete; and a name typed as a login is refused by the vault itself, for the app and the CLI.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR, ESTABLISHMENT } from '../fixtures/people';
import { tempDir } from '../helpers/vault';

function setUpAndKill(dataDir: string, step: 'database' | 'keyring'): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join('tests', 'helpers', 'setup-killed.ts'), dataDir, step],
      { cwd: process.cwd() },
      (error) => resolve(error?.signal ?? null),
    );
  });
}

const account = {
  establishmentName: ESTABLISHMENT,
  login: COORDINATOR.login,
  displayName: COORDINATOR.displayName,
  password: COORDINATOR.password,
};

describe('first run', () => {
  it.each(['database', 'keyring'] as const)(
    'killed after the %s is written, leaves no data folder, and starts again',
    async (step) => {
      const root = tempDir();
      const dataDir = join(root, 'data');
      expect(await setUpAndKill(dataDir, step)).toBe('SIGKILL');
      // What the killed set-up made is in a temporary sibling folder, not in the data folder.
      expect(readdirSync(root)).toEqual([expect.stringMatching(/^data\.init-[0-9a-f]{12}$/)]);
      const vault = new Vault({ dataDir });
      expect(vault.state()).toBe('uninitialized');
      await vault.initialize(account);
      expect(readdirSync(root)).toEqual(['data']);
      expect(readdirSync(dataDir).sort()).toEqual(['clsm.db', 'clsm.keyring.json']);
      const session = await vault.unlock(COORDINATOR.login, COORDINATOR.password);
      expect(session.displayName).toBe(COORDINATOR.displayName);
    },
    60_000,
  );

  it('moves into an existing empty folder, keeping what was recorded there before set-up', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    writeFileSync(
      join(dataDir, 'clsm.lockout.json'),
      JSON.stringify({ consecutiveFailures: 1, lastFailureAt: null, unreportedFailures: 2 }),
    );
    const vault = new Vault({ dataDir });
    await vault.initialize(account);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(vault.database().prepare(`SELECT detail FROM audit_events WHERE action = 'session.unlockFailures'`).pluck().all()).toEqual([
      'count=2',
    ]);
  });

  it('refuses a folder holding files it does not know, and touches none of them', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'à garder');
    await expect(new Vault({ dataDir }).initialize(account)).rejects.toMatchObject({ code: 'DATA_FOLDER_NOT_EMPTY' });
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
    expect(readdirSync(join(dataDir, '..'))).toEqual(['data']);
  });

  it('refuses a person’s name as a login, whoever calls, and writes nothing', async () => {
    const dataDir = join(tempDir(), 'data');
    const vault = new Vault({ dataDir });
    await expect(vault.initialize({ ...account, login: 'Françoise Marchal' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { login: expect.stringMatching(/lettres sans accent/) },
    });
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(join(dataDir, '..'))).toEqual([]);
  });
});
