// Throttling of failed unlocks. The counter lives in a small file beside the database (no secret,
// no personal data) so that restarting the app does not reset the delay. It is reported to the
// audit trail at the next successful unlock, since the trail is unreadable while locked.
// Whatever the file says, the wait is at most one minute: a damaged file is reset (and the reset
// reported), and a failure dated in the future (a clock that was ahead) imposes no wait.
import { z } from 'zod';
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
  /** Times the file was found damaged and reset since the last unlock. */
  resets: z.number().int().min(0).default(0),
});
export type LockoutState = z.infer<typeof stateSchema>;

const empty = (): LockoutState => ({ consecutiveFailures: 0, lastFailureAt: null, unreportedFailures: 0, resets: 0 });

export class Lockout {
  private readonly file: StateFile<LockoutState>;

  constructor(
    path: string,
    private readonly now: () => Date,
  ) {
    this.file = new StateFile(path, stateSchema, empty);
  }

  read(): LockoutState {
    const { state, damaged } = this.file.read();
    if (!damaged) return state;
    // Assuming the worst here would lock every user out for ever; the reset is reported instead.
    const reset = { ...empty(), resets: 1 };
    this.file.write(reset);
    return reset;
  }

  /** Milliseconds before the next attempt is accepted; 0 when it may proceed now. Never above the cap. */
  retryAfterMs(): number {
    const state = this.read();
    if (!state.lastFailureAt) return 0;
    const failedAt = Date.parse(state.lastFailureAt);
    const now = this.now().getTime();
    if (failedAt > now) return 0;
    return Math.min(MAX_DELAY_MS, Math.max(0, failedAt + unlockDelayMs(state.consecutiveFailures) - now));
  }

  /**
   * Records a failure and returns the delay before the next attempt. `audited` failures (password
   * confirmations while unlocked) are already in the trail: they slow down, but are not re-reported.
   */
  recordFailure(options: { audited?: boolean } = {}): number {
    const state = this.read();
    const next: LockoutState = {
      ...state,
      consecutiveFailures: state.consecutiveFailures + 1,
      lastFailureAt: this.now().toISOString(),
      unreportedFailures: state.unreportedFailures + (options.audited ? 0 : 1),
    };
    this.file.write(next);
    return unlockDelayMs(next.consecutiveFailures);
  }

  /** A confirmation succeeded: lift the delay, keep the count of unlock failures still to report. */
  clearDelay(): void {
    const state = this.read();
    if (state.consecutiveFailures === 0) return;
    this.file.write({ ...state, consecutiveFailures: 0, lastFailureAt: null });
  }

  /** Clears the counter on success and returns what the audit trail must record. */
  takeUnreported(): { failures: number; resets: number } {
    const { unreportedFailures, resets } = this.read();
    if (this.file.exists()) this.file.write(empty());
    return { failures: unreportedFailures, resets };
  }
}
