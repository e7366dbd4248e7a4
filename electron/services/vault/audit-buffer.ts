// Events that happen while the trail is locked (refused calls, failed unlocks) wait here and are
// written at the next unlock, with the time they happened. Bounded: past the limit they are counted,
// and the count itself is written.
import type { Db } from '../../../db/connection';
import { appendAudit, AuditInput } from '../audit/trail';

const MAX_PENDING = 500;

export class AuditBuffer {
  private pending: { event: AuditInput; at: Date }[] = [];
  private dropped = 0;

  push(event: AuditInput, at: Date): void {
    if (this.pending.length >= MAX_PENDING) this.dropped += 1;
    else this.pending.push({ event, at });
  }

  /** Writes what waited, then the number of events that could not be kept. */
  flush(db: Db, userId: number, at: Date): void {
    const pending = this.pending;
    this.pending = [];
    for (const { event, at: when } of pending) appendAudit(db, event, when);
    if (this.dropped > 0) {
      appendAudit(db, { userId, action: 'audit.overflow', outcome: 'failure', detail: `dropped=${this.dropped}` }, at);
      this.dropped = 0;
    }
  }
}
