// The audit trail: append-only (the database refuses UPDATE and DELETE), each event chained to the
// previous one by SHA-256 so that an edit made behind the app's back is found by `verifyAudit`.
// Events carry pseudonymous identifiers and codes only — never a person's name or free text.
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { AuditAction, AuditObjectType, isAuditAction } from '../../shared/audit-actions';
import { Day, dayRange } from '../../shared/dates';

export type AuditOutcome = 'success' | 'refused' | 'failure';

export interface AuditInput {
  userId: number | null;
  action: AuditAction;
  objectType?: AuditObjectType | null;
  objectId?: string | number | null;
  outcome: AuditOutcome;
  /** Machine-readable detail such as `code=FORBIDDEN` or `count=3`; never personal data. */
  detail?: string | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

// Only listed actions, and tokens that cannot hold free text (and so names), by construction.
const TOKEN_PATTERN = /^[A-Za-z0-9_.:=,+-]{1,200}$/;

function assertSafe(event: AuditInput): void {
  if (!isAuditAction(event.action)) throw new Error('audit action not in the list of audit actions');
  for (const value of [event.objectType, event.objectId, event.detail]) {
    if (value !== null && value !== undefined && !TOKEN_PATTERN.test(String(value))) {
      throw new Error('audit fields accept identifiers and codes only');
    }
  }
}

export function hashEvent(prevHash: string, e: Omit<AuditEvent, 'prevHash' | 'hash'>): string {
  const content = JSON.stringify([e.id, e.at, e.userId, e.action, e.objectType, e.objectId, e.outcome, e.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The stored columns of an event (not the `domain` SQLite computes for the journal's filter). */
export const EVENT_COLUMNS = 'id, at, user_id, action, object_type, object_id, outcome, detail, prev_hash, hash';

export function rowToEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function appendAudit(db: Db, input: AuditInput, at: Date): AuditEvent {
  assertSafe(input);
  return db.transaction(() => {
    const last = db.prepare('SELECT id, at, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as
      { id: number; at: string; hash: string } | undefined;
    // Times follow the chain: an event is never dated before the one it follows (a clock set back).
    const moment = at.toISOString();
    const base = {
      id: (last?.id ?? 0) + 1,
      at: last && last.at > moment ? last.at : moment,
      userId: input.userId,
      action: input.action,
      objectType: input.objectType ?? null,
      objectId: input.objectId === null || input.objectId === undefined ? null : String(input.objectId),
      outcome: input.outcome,
      detail: input.detail ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const event: AuditEvent = { ...base, prevHash, hash: hashEvent(prevHash, base) };
    db.prepare(
      `INSERT INTO audit_events (id, at, user_id, action, object_type, object_id, outcome, detail, prev_hash, hash)
       VALUES (@id, @at, @userId, @action, @objectType, @objectId, @outcome, @detail, @prevHash, @hash)`,
    ).run(event);
    return event;
  })();
}

/** The last archive's checkpoint, if the trail was ever archived (schema 7 on). */
export function latestCheckpoint(db: Db): { throughId: number; hash: string } | null {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'`).get();
  if (!hasTable) return null;
  const row = db
    .prepare('SELECT through_id AS throughId, through_hash AS hash FROM audit_checkpoints ORDER BY through_id DESC LIMIT 1')
    .get() as { throughId: number; hash: string } | undefined;
  return row ?? null;
}

export interface AuditFilters {
  /** Inclusive Paris days, `YYYY-MM-DD`. */
  from?: Day | undefined;
  to?: Day | undefined;
  /** A domain (`users`) or a full action (`users.create`). */
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  userId?: number | undefined;
  /** One object's events (a situation's history). */
  object?: { type: string; id: string } | undefined;
  limit: number;
  offset: number;
  /** Keyset paging: only events older than this id (the pager's next page). */
  before?: number | undefined;
}

/** Beyond this many matches the journal says « plus de 10 000 » instead of counting a million rows. */
export const JOURNAL_COUNT_CAP = 10_000;

export interface AuditPage {
  events: AuditEvent[];
  /** Every match up to JOURNAL_COUNT_CAP; `capped` when there are more. */
  total: number;
  capped: boolean;
  /** Older events follow this page. */
  hasMore: boolean;
}

/** Newest first, filtered, paged by id (keyset) or offset; each filter walks an index of its own. */
export function listAudit(db: Db, filters: AuditFilters): AuditPage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.from) {
    where.push('at >= @from');
    params.from = dayRange(filters.from).start;
  }
  if (filters.to) {
    where.push('at < @to');
    params.to = dayRange(filters.to).end;
  }
  if (filters.action) {
    // « users » is a domain (its own indexed column), « users.create » one action.
    where.push(filters.action.includes('.') ? 'action = @action' : 'domain = @action');
    params.action = filters.action;
  }
  if (filters.outcome) {
    where.push('outcome = @outcome');
    params.outcome = filters.outcome;
  }
  if (filters.userId !== undefined) {
    where.push('user_id = @userId');
    params.userId = filters.userId;
  }
  if (filters.object) {
    where.push('object_type = @objectType AND object_id = @objectId');
    params.objectType = filters.object.type;
    params.objectId = filters.object.id;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counted = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM audit_events ${clause} LIMIT ${JOURNAL_COUNT_CAP + 1})`)
    .pluck()
    .get(params) as number;
  if (filters.before !== undefined) {
    where.push('id < @before');
    params.before = filters.before;
  }
  const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events ${paged} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: filters.limit + 1, offset: filters.offset }) as AuditRow[];
  return {
    events: rows.slice(0, filters.limit).map(rowToEvent),
    total: Math.min(counted, JOURNAL_COUNT_CAP),
    capped: counted > JOURNAL_COUNT_CAP,
    hasMore: rows.length > filters.limit,
  };
}
