// Throttling of failed unlocks. The counter lives in a small file beside the database (no secret,
// no personal data) so that restarting the app does not reset the delay. It is reported to the
// audit trail at the next successful unlock, since the trail is unreadable while locked.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../../db/files';

const MAX_DELAY_MS = 60_000;

/** 1 s after the first failure, then 2 s, 4 s, … up to one minute. */
export function unlockDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(1000 * 2 ** (consecutiveFailures - 1), MAX_DELAY_MS);
}

const stateSchema = z.object({
  consecutiveFailures: z.number().int().min(0),
  lastFailureAt: z.string().nullable(),
  unreportedFailures: z.number().int().min(0),
});
export type LockoutState = z.infer<typeof stateSchema>;

const EMPTY: LockoutState = { consecutiveFailures: 0, lastFailureAt: null, unreportedFailures: 0 };

export class Lockout {
  constructor(
    private readonly path: string,
    private readonly now: () => Date,
  ) {}

  read(): LockoutState {
    if (!existsSync(this.path)) return { ...EMPTY };
    const parsed = stateSchema.safeParse(parseJsonOrNull(readFileSync(this.path, 'utf8')));
    // A tampered or damaged file must not lift the throttle: assume the worst.
    if (!parsed.success) return { consecutiveFailures: 8, lastFailureAt: this.now().toISOString(), unreportedFailures: 1 };
    return parsed.data;
  }

  /** Milliseconds before the next attempt is accepted; 0 when it may proceed now. */
  retryAfterMs(): number {
    const state = this.read();
    if (!state.lastFailureAt) return 0;
    const readyAt = Date.parse(state.lastFailureAt) + unlockDelayMs(state.consecutiveFailures);
    return Math.max(0, readyAt - this.now().getTime());
  }

  /**
   * Records a failure and returns the delay before the next attempt. `audited` failures (password
   * confirmations while unlocked) are already in the trail: they slow down, but are not re-reported.
   */
  recordFailure(options: { audited?: boolean } = {}): number {
    const state = this.read();
    const next: LockoutState = {
      consecutiveFailures: state.consecutiveFailures + 1,
      lastFailureAt: this.now().toISOString(),
      unreportedFailures: state.unreportedFailures + (options.audited ? 0 : 1),
    };
    writeFileAtomic(this.path, JSON.stringify(next));
    return unlockDelayMs(next.consecutiveFailures);
  }

  /** A confirmation succeeded: lift the delay, keep the count of unlock failures still to report. */
  clearDelay(): void {
    const state = this.read();
    if (state.consecutiveFailures === 0) return;
    writeFileAtomic(this.path, JSON.stringify({ ...state, consecutiveFailures: 0, lastFailureAt: null }));
  }

  /** Clears the counter on success and returns how many failures the audit trail must record. */
  takeUnreported(): number {
    const { unreportedFailures } = this.read();
    if (existsSync(this.path)) writeFileAtomic(this.path, JSON.stringify(EMPTY));
    return unreportedFailures;
  }
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // damaged file: the caller treats it as the worst case
  }
}
