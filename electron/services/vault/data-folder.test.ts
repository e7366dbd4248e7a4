import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COORDINATOR } from '../../../tests/fixtures/people';
import { initializedVault } from '../../../tests/helpers/vault';
import { Vault } from './vault';

/** The id of a process that has ended. */
function endedPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

describe('the data folder at start-up', () => {
  it('removes the temporary files of killed writers, and keeps those of writers still running', async () => {
    const { vault, dataDir } = await initializedVault();
    vault.lock();
    const dead = endedPid();
    const leftovers = {
      probe: 'clsm.pending-audit.json.3f9a1c0b7d2e.tmp', // written before names carried the writer
      killed: `clsm.lockout.json.${dead}-aaaaaaaaaaaa.tmp`,
      running: `clsm.keyring.json.${process.ppid}-bbbbbbbbbbbb.tmp`,
      own: `clsm.pending-audit.json.${process.pid}-cccccccccccc.tmp`,
    };
    for (const name of Object.values(leftovers)) writeFileSync(join(dataDir, name), '{"partiel":');
    mkdirSync(join(dataDir, 'autre.tmp'));
    const restarted = new Vault({ dataDir });
    const left = readdirSync(dataDir);
    expect(left).not.toContain(leftovers.probe);
    expect(left).not.toContain(leftovers.killed);
    expect(left).toEqual(expect.arrayContaining([leftovers.running, leftovers.own, 'autre.tmp', 'clsm.db', 'clsm.keyring.json']));
    // Nothing of the base was touched: it still opens.
    await restarted.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(existsSync(join(dataDir, 'clsm.db'))).toBe(true);
  });
});
