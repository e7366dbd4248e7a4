import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock, tempDir } from '../../../tests/helpers/vault';
import { Lockout, unlockDelayMs } from './lockout';

describe('unlock throttling', () => {
  it('doubles the delay from one second and caps it at one minute', () => {
    expect([0, 1, 2, 3, 4, 7, 30].map(unlockDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  it('survives a restart, counts unreported failures and resets them once reported', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    const first = new Lockout(path, clock.now);
    expect(first.recordFailure()).toBe(1000);
    expect(first.recordFailure()).toBe(2000);
    const afterRestart = new Lockout(path, clock.now);
    expect(afterRestart.retryAfterMs()).toBe(2000);
    clock.advance(1500);
    expect(afterRestart.retryAfterMs()).toBe(500);
    clock.advance(500);
    expect(afterRestart.retryAfterMs()).toBe(0);
    expect(afterRestart.takeUnreported()).toEqual({ failures: 2, delays: 0, resets: 0, total: 2, present: true });
    expect(afterRestart.retryAfterMs()).toBe(0);
    // The counters to report are cleared; the total never goes down.
    expect(afterRestart.takeUnreported()).toEqual({ failures: 0, delays: 0, resets: 0, total: 2, present: true });
  });

  it('slows down audited failures without reporting them twice, and clearDelay keeps what is unreported', () => {
    const clock = manualClock();
    const lockout = new Lockout(join(tempDir(), 'lockout.json'), clock.now);
    lockout.recordFailure(); // a failed unlock, to be reported
    clock.advance(1000);
    expect(lockout.recordFailure({ audited: true })).toBe(2000); // a wrong confirmation
    expect(lockout.retryAfterMs()).toBe(2000);
    lockout.clearDelay();
    expect(lockout.retryAfterMs()).toBe(0);
    expect(lockout.takeUnreported()).toMatchObject({ failures: 1, resets: 0, total: 2 });
  });

  it('counts the refusals for the delay, reported or not, and says when its file was absent', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    const lockout = new Lockout(path, clock.now);
    expect(lockout.admit()).toBe(0);
    lockout.recordFailure();
    expect(lockout.admit()).toBe(1000); // refused while locked: to report
    expect(lockout.admit({ audited: true })).toBe(1000); // refused while unlocked: the caller audits it
    clock.advance(1000);
    expect(lockout.admit()).toBe(0);
    expect(lockout.takeUnreported()).toEqual({ failures: 1, delays: 1, resets: 0, total: 3, present: true });
    rmSync(path);
    expect(lockout.takeUnreported()).toMatchObject({ present: false, total: 0 });
    expect(lockout.takeUnreported()).toMatchObject({ present: true });
  });

  it('resets a damaged or emptied file instead of locking for ever, and reports the reset', () => {
    const clock = manualClock();
    for (const content of ['pas du json', '', '{"consecutiveFailures":"beaucoup"}']) {
      const path = join(tempDir(), 'lockout.json');
      writeFileSync(path, content);
      const lockout = new Lockout(path, clock.now);
      expect(lockout.retryAfterMs()).toBe(0);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ consecutiveFailures: 0, resets: 1 });
      expect(lockout.recordFailure()).toBe(1000);
      expect(lockout.takeUnreported()).toMatchObject({ failures: 1, resets: 1 });
      expect(lockout.takeUnreported()).toMatchObject({ failures: 0, resets: 0 });
    }
  });

  it('never waits more than a minute, whatever the file says', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    const state = { consecutiveFailures: 100_000, lastFailureAt: clock.now().toISOString(), unreportedFailures: 3 };
    writeFileSync(path, JSON.stringify(state));
    const lockout = new Lockout(path, clock.now);
    expect(lockout.retryAfterMs()).toBe(60_000);
    expect(lockout.recordFailure()).toBe(60_000);
    clock.advance(60_000);
    expect(lockout.retryAfterMs()).toBe(0);
  });

  it('ignores a failure dated in the future (recorded while the clock was ahead)', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    const ahead = new Lockout(path, () => new Date(clock.now().getTime() + 365 * 24 * 3600_000));
    for (let i = 0; i < 10; i++) ahead.recordFailure();
    const lockout = new Lockout(path, clock.now);
    expect(lockout.retryAfterMs()).toBe(0);
    expect(lockout.recordFailure()).toBe(60_000);
    expect(lockout.retryAfterMs()).toBe(60_000);
    expect(lockout.takeUnreported().failures).toBe(11);
  });
});
