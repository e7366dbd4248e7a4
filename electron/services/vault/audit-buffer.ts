// Events that happen while the trail is locked (refused calls) wait here and are written at the
// next unlock. They are kept on disk, as counts per kind of event, so a restart loses none: the
// events carry only codes, channel names and pseudonymous ids, never personal data. Bounded: past
// the limit they are counted, and the count itself is written.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { AUDIT_OBJECTS, AuditAction, AuditObjectType, isAuditAction } from '../../shared/audit-actions';
import { appendAudit, AuditInput } from '../audit/trail';
import { StateFile } from './state-file';

export const MAX_PENDING_KINDS = 200;

const entrySchema = z.object({
  userId: z.number().int().nullable(),
  action: z.custom<AuditAction>((value) => typeof value === 'string' && isAuditAction(value)),
  objectType: z.custom<AuditObjectType>((value) => typeof value === 'string' && value in AUDIT_OBJECTS).nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(['success', 'refused', 'failure']),
  detail: z.string().nullable(),
  count: z.number().int().positive(),
  firstAt: z.iso.datetime(),
});
const pendingSchema = z.object({ entries: z.array(entrySchema), dropped: z.number().int().min(0), damaged: z.number().int().min(0) });
type Pending = z.infer<typeof pendingSchema>;
type Entry = z.infer<typeof entrySchema>;

const empty = (): Pending => ({ entries: [], dropped: 0, damaged: 0 });

function sameKind(entry: Entry, event: AuditInput): boolean {
  return (
    entry.userId === event.userId &&
    entry.action === event.action &&
    entry.objectType === (event.objectType ?? null) &&
    entry.objectId === (event.objectId === null || event.objectId === undefined ? null : String(event.objectId)) &&
    entry.outcome === event.outcome &&
    entry.detail === (event.detail ?? null)
  );
}

export class AuditBuffer {
  private readonly file: StateFile<Pending>;
  /** Before set-up there is no data folder to write to, and no trail yet: memory only. */
  private beforeSetup: Pending = empty();

  constructor(path: string) {
    this.file = new StateFile(path, pendingSchema, empty);
  }

  private folderExists(): boolean {
    return existsSync(dirname(this.file.path));
  }

  private read(): Pending {
    if (!this.folderExists()) return this.beforeSetup;
    const { state, damaged } = this.file.read();
    const pending = damaged ? { ...state, damaged: 1 } : state;
    if (this.beforeSetup.entries.length === 0 && this.beforeSetup.dropped === 0) return pending;
    const merged = {
      ...pending,
      entries: [...this.beforeSetup.entries, ...pending.entries],
      dropped: pending.dropped + this.beforeSetup.dropped,
    };
    this.beforeSetup = empty();
    return merged;
  }

  private write(pending: Pending): void {
    if (this.folderExists()) this.file.write(pending);
    else this.beforeSetup = pending;
  }

  push(event: AuditInput, at: Date): void {
    const pending = this.read();
    const entry = pending.entries.find((e) => sameKind(e, event));
    if (entry) entry.count += 1;
    else if (pending.entries.length >= MAX_PENDING_KINDS) pending.dropped += 1;
    else {
      pending.entries.push({
        userId: event.userId,
        action: event.action,
        objectType: event.objectType ?? null,
        objectId: event.objectId === null || event.objectId === undefined ? null : String(event.objectId),
        outcome: event.outcome,
        detail: event.detail ?? null,
        count: 1,
        firstAt: at.toISOString(),
      });
    }
    this.write(pending);
  }

  /** Writes what waited (one event per kind, with its count), then what could not be kept. */
  flush(db: Db, userId: number, at: Date): void {
    const pending = this.read();
    for (const entry of pending.entries) {
      // Written now, in the chain's order; when it first happened is said in the detail.
      const extra = [...(entry.count > 1 ? [`count=${entry.count}`] : []), `since=${entry.firstAt}`].join(',');
      const joined = [entry.detail, extra].filter((part) => part !== null).join(',');
      const detail = joined.length <= 200 ? joined : extra;
      appendAudit(db, { ...entry, detail }, at);
    }
    if (pending.dropped > 0) {
      appendAudit(db, { userId, action: 'audit.overflow', outcome: 'failure', detail: `dropped=${pending.dropped}` }, at);
    }
    if (pending.damaged > 0) appendAudit(db, { userId, action: 'audit.pendingReset', outcome: 'failure', detail: 'file=damaged' }, at);
    if (this.file.exists()) this.file.write(empty());
  }
}
