// The unlocked session: who, since when, the last activity (for the inactivity auto-lock), and the
// listeners told when it ends, whatever the reason (later features subscribe: timers, caches).
import type { Clock } from '../../shared/dates';
import type { Role } from '../../shared/vocabulary';

export interface Session {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  unlockedAt: string;
}

export type LockReason = 'user' | 'inactivity' | 'system' | 'shutdown' | 'restore';
export type LockListener = (reason: LockReason) => void;

export class SessionState {
  private current: Session | null = null;
  private lastActivityMs = 0;
  private readonly listeners = new Set<LockListener>();

  constructor(private readonly clock: Clock) {}

  get session(): Session | null {
    return this.current;
  }

  start(session: Session): void {
    this.current = session;
    this.touch();
  }

  end(reason: LockReason): void {
    if (!this.current) return;
    this.current = null;
    for (const listener of this.listeners) listener(reason);
  }

  touch(): void {
    this.lastActivityMs = this.clock().getTime();
  }

  idleMs(): number {
    return this.current ? Math.max(0, this.clock().getTime() - this.lastActivityMs) : 0;
  }

  /** Subscribes to the end of every session; returns the unsubscribe function. */
  onLock(listener: LockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
