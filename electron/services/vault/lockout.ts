// Throttling of failed unlocks. The counter lives in a small file beside the database (no secret,
// no personal data) so that restarting the app does not reset the delay. It is reported to the
// audit trail at the next successful unlock, since the trail is unreadable while locked.
// One throttle per data folder: every read-modify-write of the file happens under the folder's
// lock, so processes started together (ten `unlock-check` at once) see each other's failures and
// none is lost. Refusals for the delay itself are counted too. `total` only ever grows: the database
// keeps the value seen at each unlock, so a file deleted or put back to an older copy is noticed.
// Whatever the file says, the wait is at most one minute: a damaged file is reset (and the reset
// reported), and a failure dated in the future (a clock that was ahead) imposes no wait.
import { z } from 'zod';
import { withFolderLock } from './folder-lock';
import { StateFile } from './state-file';

export const MAX_DELAY_MS = 60_000;

/** 1 s after the first failure, then 2 s, 4 s, … up to one minute. */
export function unlockDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(1000 * 2 ** Math.min(consecutiveFailures - 1, 16), MAX_DELAY_MS);
}

const stateSchema = z.object({
  consecutiveFailures: z.number().int().min(0),
  lastFailureAt: z.iso.datetime().nullable(),
  unreportedFailures: z.number().int().min(0),
  /** Attempts refused for the delay while the trail was locked, still to record. */
  unreportedDelays: z.number().int().min(0).default(0),
  /** Times the file was found damaged and reset since the last unlock. */
  resets: z.number().int().min(0).default(0),
  /** Failures and refusals ever counted in this folder: it never goes down. */
  total: z.number().int().min(0).default(0),
});
export type LockoutState = z.infer<typeof stateSchema>;

const empty = (): LockoutState => ({
  consecutiveFailures: 0,
  lastFailureAt: null,
  unreportedFailures: 0,
  unreportedDelays: 0,
  resets: 0,
  total: 0,
});

/** What the next unlock writes to the trail. `present` is false when the file did not exist. */
export interface LockoutReport {
  failures: number;
  delays: number;
  resets: number;
  total: number;
  present: boolean;
}

export class Lockout {
  private readonly file: StateFile<LockoutState>;
  private readonly lockPath: string;

  constructor(
    path: string,
    private readonly now: () => Date,
  ) {
    this.file = new StateFile(path, stateSchema, empty);
    this.lockPath = `${path}.lock`;
  }

  /** Reads under the caller's lock; a damaged file is reset, the reset counted. */
  private readLocked(): LockoutState {
    const { state, damaged } = this.file.read();
    if (!damaged) return state;
    // Assuming the worst here would lock every user out for ever; the reset is reported instead.
    const reset = { ...empty(), resets: 1 };
    this.file.write(reset);
    return reset;
  }

  private update<T>(step: (state: LockoutState) => { next?: LockoutState; result: T }): T {
    return withFolderLock(this.lockPath, () => {
      const { next, result } = step(this.readLocked());
      if (next) this.file.write(next);
      return result;
    });
  }

  read(): LockoutState {
    return this.update((state) => ({ result: state }));
  }

  private waitOf(state: LockoutState): number {
    if (!state.lastFailureAt) return 0;
    const failedAt = Date.parse(state.lastFailureAt);
    const now = this.now().getTime();
    if (failedAt > now) return 0;
    return Math.min(MAX_DELAY_MS, Math.max(0, failedAt + unlockDelayMs(state.consecutiveFailures) - now));
  }

  /** Milliseconds before the next attempt is accepted; 0 when it may proceed now. Never above the cap. */
  retryAfterMs(): number {
    return this.update((state) => ({ result: this.waitOf(state) }));
  }

  /**
   * Before an attempt: the delay still to wait (0: go on). A refusal is counted in the same locked
   * step; `audited` refusals (confirmations while unlocked) are written to the trail by the caller.
   */
  admit(options: { audited?: boolean } = {}): number {
    return this.update((state) => {
      const wait = this.waitOf(state);
      if (wait === 0) return { result: 0 };
      const next = { ...state, total: state.total + 1, unreportedDelays: state.unreportedDelays + (options.audited ? 0 : 1) };
      return { next, result: wait };
    });
  }

  /**
   * Records a failure and returns the delay before the next attempt. `audited` failures (password
   * confirmations while unlocked) are already in the trail: they slow down, but are not re-reported.
   */
  recordFailure(options: { audited?: boolean } = {}): number {
    return this.update((state) => {
      const next: LockoutState = {
        ...state,
        consecutiveFailures: state.consecutiveFailures + 1,
        lastFailureAt: this.now().toISOString(),
        unreportedFailures: state.unreportedFailures + (options.audited ? 0 : 1),
        total: state.total + 1,
      };
      return { next, result: unlockDelayMs(next.consecutiveFailures) };
    });
  }

  /** A confirmation succeeded: lift the delay, keep the count of unlock failures still to report. */
  clearDelay(): void {
    this.update((state) =>
      state.consecutiveFailures === 0
        ? { result: undefined }
        : { next: { ...state, consecutiveFailures: 0, lastFailureAt: null }, result: undefined },
    );
  }

  /**
   * On a successful unlock: clears the counters and returns what the trail must record. The file is
   * (re)written even when it was absent, so that its later disappearance can be noticed.
   */
  takeUnreported(): LockoutReport {
    return this.update((state) => {
      const present = this.file.exists();
      const report = {
        failures: state.unreportedFailures,
        delays: state.unreportedDelays,
        resets: state.resets,
        total: state.total,
        present,
      };
      return { next: { ...empty(), total: state.total }, result: report };
    });
  }
}
