// Inactivity auto-lock, decided in the main process: the renderer reports user input, but the
// lock happens here even if the page is frozen or misbehaving. OS screen lock and suspend call
// `vault.lock('system')` directly from main.ts.
import { readSetting } from '../settings/store';
import type { LockReason } from './session';
import type { Vault } from './vault';

export class AutoLock {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly options: {
      /** Fixed delay (dev host, tests); otherwise the `autoLockMinutes` setting. */
      overrideMs?: number;
      onLock?: (reason: LockReason) => void;
    } = {},
  ) {
    vault.watchedBy(() => this.limitMs());
  }

  limitMs(): number {
    if (this.options.overrideMs !== undefined) return this.options.overrideMs;
    return (readSetting(this.vault.database(), 'autoLockMinutes') ?? 10) * 60_000;
  }

  /** Locks when the open session has been idle past the limit; returns whether it locked. */
  check(): boolean {
    if (!this.vault.session) return false;
    if (this.vault.idleMs() < this.limitMs()) return false;
    this.vault.lock('inactivity');
    this.options.onLock?.('inactivity');
    return true;
  }

  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
