// One throttle per data folder (issue 24): processes started together see each other's failures
// and none is lost; refusals for the delay are recorded; a throttle file deleted or put back to an
// older copy after failures is noticed at the next unlock and written to the trail.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/services/vault';
import { systemClock } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { initializedVault, manualClock, tempDir } from '../helpers/vault';

const MINUTE = 60_000;

/** `unlock-check` in a process of its own, the password on standard input. */
function unlockCheck(dataDir: string, password: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join('electron', 'cli.ts'), 'unlock-check', '--data', dataDir, '--password-stdin'],
      {
        cwd: process.cwd(),
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
    child.stdin.end(`${password}\n`);
  });
}

const trail = (vault: Vault, action: string) =>
  vault.database().prepare('SELECT detail FROM audit_events WHERE action = ? ORDER BY id').pluck().all(action) as string[];

const countIn = (details: string[]) => details.reduce((sum, d) => sum + Number(/count=(\d+)/.exec(d)?.[1] ?? 0), 0);

/** A child process of tests/helpers/lockout-hammer.ts. */
function hammer(path: string, count: number, startAt: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join('tests', 'helpers', 'lockout-hammer.ts'), path, String(count), String(startAt)],
      {
        cwd: process.cwd(),
        stdio: 'ignore',
      },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('the unlock throttle', () => {
  it('loses no failure when processes write it at the same moment', async () => {
    const path = join(tempDir(), 'clsm.lockout.json');
    const startAt = Date.now() + 4000; // every process started and waiting by then
    const codes = await Promise.all(Array.from({ length: 6 }, () => hammer(path, 150, startAt)));
    expect(codes).toEqual(Array(6).fill(0));
    const state = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
    expect([state.total, state.unreportedFailures, state.consecutiveFailures]).toEqual([900, 900, 900]);
  }, 120_000);

  it('counts every one of ten processes refused at once, and the trail records them all', async () => {
    const clock = manualClock(systemClock());
    const { vault, dataDir } = await initializedVault({ now: clock.now });
    vault.lock();
    const results = await Promise.all(Array.from({ length: 10 }, () => unlockCheck(dataDir, 'pas-le-bon-mot-de-passe')));
    expect(results.map((r) => r.code)).toEqual(Array(10).fill(1));
    for (const { err } of results) expect(err).toMatch(/^(Identifiant ou mot de passe incorrect|Trop de tentatives échouées)/);
    const state = JSON.parse(readFileSync(join(dataDir, 'clsm.lockout.json'), 'utf8')) as Record<string, number>;
    expect(state.unreportedFailures! + state.unreportedDelays!).toBe(10);
    expect(state.total).toBe(10);

    clock.advance(10 * MINUTE); // past the one-minute cap, counted from the processes' last failure
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(countIn(trail(vault, 'session.unlockFailures')) + countIn(trail(vault, 'session.unlockDelays'))).toBe(10);
  }, 120_000);

  it('records the attempts refused for the delay, once', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    vault.lock();
    await expect(vault.unlock(COORDINATOR.login, 'pas-le-bon-mot-de-passe')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    for (let i = 0; i < 3; i++)
      await expect(vault.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({ code: 'UNLOCK_DELAY' });
    clock.advance(1000);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(trail(vault, 'session.unlockFailures')).toEqual(['count=1']);
    expect(trail(vault, 'session.unlockDelays')).toEqual(['count=3']);
    vault.lock();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(trail(vault, 'session.unlockDelays')).toEqual(['count=3']);
  });

  it('notices its file deleted after failures, or put back to an older copy', async () => {
    const clock = manualClock();
    const { vault, dataDir } = await initializedVault({ now: clock.now });
    const file = join(dataDir, 'clsm.lockout.json');
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    vault.lock();
    await expect(vault.unlock(COORDINATOR.login, 'pas-le-bon-mot-de-passe')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    rmSync(file); // the failure, and the delay, erased
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(trail(vault, 'session.lockoutMissing')).toEqual(['file=missing,seen=0']);
    expect(trail(vault, 'session.unlockFailures')).toEqual([]);
    // Said to the coordination in the window (and by `unlock-check`), until the lock.
    expect(vault.unlockNotices()).toEqual([expect.stringMatching(/^Le compteur des essais de mot de passe a été supprimé ou remplacé/)]);
    vault.lock();

    const copy = join(dataDir, '..', 'copie.json');
    copyFileSync(file, copy);
    await expect(vault.unlock(COORDINATOR.login, 'pas-le-bon-mot-de-passe')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    clock.advance(1000);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    vault.lock();
    copyFileSync(copy, file);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(trail(vault, 'session.lockoutMissing')).toEqual(['file=missing,seen=0', 'file=older,seen=1,found=0']);
    // Said once: the next unlock finds the file as it left it.
    vault.lock();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(trail(vault, 'session.lockoutMissing')).toHaveLength(2);
    expect(vault.unlockNotices()).toEqual([]);
  });
});
