import { writeFileSync } from 'node:fs';
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
    expect(afterRestart.takeUnreported()).toBe(2);
    expect(afterRestart.retryAfterMs()).toBe(0);
    expect(afterRestart.takeUnreported()).toBe(0);
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
    expect(lockout.takeUnreported()).toBe(1);
  });

  it('keeps throttling when its file is damaged', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    writeFileSync(path, 'pas du json');
    expect(new Lockout(path, clock.now).retryAfterMs()).toBeGreaterThan(0);
  });
});
