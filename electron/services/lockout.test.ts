import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock, tempDir } from '../../tests/helpers/vault';
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

  it('keeps throttling when its file is damaged', () => {
    const clock = manualClock();
    const path = join(tempDir(), 'lockout.json');
    writeFileSync(path, 'pas du json');
    expect(new Lockout(path, clock.now).retryAfterMs()).toBeGreaterThan(0);
  });
});
