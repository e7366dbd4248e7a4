// Verifying the audit trail. It proves three things, and says which failed:
// - the guards are the ones the migrations wrote (their SQL, not only their names);
// - the chain starts with the genesis event naming this database's id, which the keyring keeps too,
//   and every event is linked to the one before it (nothing edited, removed or renumbered);
// - the chain extends every anchor given: a head (count, hash) copied earlier outside the database,
//   into a backup manifest on the share or a signed document. A key holder can rebuild a consistent
//   chain, but not one that still extends the anchors other people keep.
// It only reads: nothing is written before the verdict.
import type { Db } from '../../../db/connection';
import type { ServiceContext } from '../context';
import { appendAudit, AuditEvent, GENESIS_HASH, hashEvent, latestCheckpoint, rowToEvent, type AuditRow } from './trail';

/** A head of the chain kept outside the database: events since the genesis, and the last hash. */
export interface AuditAnchor {
  count: number;
  hash: string;
  /** Where it was read (a backup's date, « ligne de commande »), for the report. */
  source?: string;
}

export type AnchorStatus = 'extended' | 'diverged' | 'missing' | 'archived';

export interface AnchorCheck extends AuditAnchor {
  status: AnchorStatus;
}

export interface AuditHeadMark {
  /** Events since the genesis (the last event's number). */
  count: number;
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: AuditHeadMark; anchors: AnchorCheck[] }
  | { ok: false; count: number; brokenEventId: number | null; reason: string; anchors: AnchorCheck[] };

const GENESIS_ACTION = 'audit.genesis';

const normalizeSql = (sql: string) => sql.replace(/\s+/g, ' ').trim();

const NO_UPDATE = (table: string, message: string) =>
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`;
const NO_DELETE = (table: string, message: string) =>
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`;

/** The guards as migrations 001 and 007 wrote them; a same-named trigger that does less is refused. */
const GUARDS: Record<string, readonly string[]> = {
  audit_events_no_update: [NO_UPDATE('audit_events', 'audit_events is append-only')],
  audit_events_no_delete: [
    // 007 on: an event may leave only once archived behind a checkpoint.
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events WHEN OLD.id > COALESCE((SELECT max(through_id) FROM audit_checkpoints), 0) BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
    // 001–006 (a backup of an older schema).
    NO_DELETE('audit_events', 'audit_events is append-only'),
  ],
  audit_checkpoints_no_update: [NO_UPDATE('audit_checkpoints', 'audit checkpoints are append-only')],
  audit_checkpoints_no_delete: [NO_DELETE('audit_checkpoints', 'audit checkpoints are append-only')],
};

/** The French problem with the guards, or null when they are exactly the expected ones. */
export function guardProblem(db: Db): string | null {
  const hasCheckpoints = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'`).get() !== undefined;
  const found = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_events', 'audit_checkpoints')`)
    .all() as { name: string; sql: string | null }[];
  const expected = Object.keys(GUARDS).filter((name) => hasCheckpoints || name.startsWith('audit_events'));
  for (const name of expected) {
    const trigger = found.find((t) => t.name === name);
    if (!trigger) return 'les protections du journal (interdiction de modifier ou supprimer) ont été retirées';
    if (!GUARDS[name]!.includes(normalizeSql(trigger.sql ?? ''))) return `la protection « ${name} » du journal a été modifiée`;
  }
  const extra = found.find((t) => !expected.includes(t.name));
  return extra ? `un déclencheur inconnu (« ${extra.name} ») agit sur le journal` : null;
}

/** The first event of every trail: it names the database's id, also kept in the keyring. */
export function genesisInput(databaseId: string) {
  return { userId: null, action: GENESIS_ACTION, outcome: 'success', detail: `database=${databaseId}` } as const;
}

function genesisProblem(first: AuditEvent | undefined, databaseId: string | null): string | null {
  if (databaseId === null) return 'le trousseau ne porte pas l’identifiant de la base : journal créé avant la version qui le prouve';
  if (!first || first.id !== 1) return 'le journal ne commence pas par son événement de création (vidé ou tronqué)';
  if (first.action !== GENESIS_ACTION || first.detail !== `database=${databaseId}`) {
    return 'le premier événement n’est pas la création de cette base de données';
  }
  if (first.prevHash !== GENESIS_HASH || hashEvent(GENESIS_HASH, first) !== first.hash) {
    return 'l’événement de création du journal a été modifié';
  }
  return null;
}

function checkAnchors(db: Db, anchors: readonly AuditAnchor[], archivedThrough: number): AnchorCheck[] {
  const hashOf = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck();
  return anchors.map((anchor) => {
    const found = hashOf.get(anchor.count) as string | undefined;
    if (found !== undefined) return { ...anchor, status: found === anchor.hash ? 'extended' : 'diverged' };
    if (anchor.count > 1 && anchor.count <= archivedThrough) return { ...anchor, status: 'archived' };
    return { ...anchor, status: 'missing' };
  });
}

export function anchorProblem(check: AnchorCheck): string | null {
  const where = check.source ? ` (${check.source})` : '';
  if (check.status === 'diverged')
    return `le journal ne prolonge pas l’ancre ${check.count}:${check.hash.slice(0, 12)}…${where} : il a été réécrit`;
  if (check.status === 'missing') return `le journal compte moins de ${check.count} événements, ancre${where} : il a été tronqué`;
  return null;
}

/** Walks the whole chain in id order, streaming (the trail may hold millions of events). */
export function verifyAudit(db: Db, options: { databaseId: string | null; anchors?: readonly AuditAnchor[] }): AuditVerification {
  const checkpoint = latestCheckpoint(db);
  const anchors = checkAnchors(db, options.anchors ?? [], checkpoint?.throughId ?? 0);
  const fail = (count: number, brokenEventId: number | null, reason: string): AuditVerification => ({
    ok: false,
    count,
    brokenEventId,
    reason,
    anchors,
  });
  const first = db.prepare('SELECT * FROM audit_events ORDER BY id LIMIT 1').get() as AuditRow | undefined;
  const genesis = genesisProblem(first ? rowToEvent(first) : undefined, options.databaseId);
  if (genesis) return fail(0, first?.id === 1 ? 1 : null, genesis);

  // Events archived and removed (audit retention) are behind the latest checkpoint; the genesis
  // stays. The chain goes on from the last archived event's hash, verified when it was archived.
  let count = 1;
  let prevHash = first!.hash;
  let lastId = 1;
  if (checkpoint && checkpoint.throughId > 1) {
    prevHash = checkpoint.hash;
    lastId = checkpoint.throughId;
  }
  const firstId = lastId + 1;
  const rows = db.prepare('SELECT * FROM audit_events WHERE id >= ? ORDER BY id').iterate(firstId) as IterableIterator<AuditRow>;
  for (const row of rows) {
    const event = rowToEvent(row);
    const expectedId = firstId + count - 1;
    if (event.id !== expectedId) return fail(count, expectedId, `événement n° ${expectedId} manquant (supprimé ou renuméroté)`);
    if (event.prevHash !== prevHash) return fail(count, event.id, `événement n° ${event.id} : chaînage rompu avec l'événement précédent`);
    if (hashEvent(prevHash, event) !== event.hash) {
      return fail(count, event.id, `événement n° ${event.id} : contenu modifié après son enregistrement`);
    }
    prevHash = event.hash;
    lastId = event.id;
    count += 1;
  }
  const guards = guardProblem(db);
  if (guards) return fail(count, null, guards);
  const anchorFailure = anchors.map(anchorProblem).find((problem) => problem !== null);
  if (anchorFailure) return fail(count, null, anchorFailure);
  return { ok: true, count, head: { count: lastId, hash: prevHash }, anchors };
}

/** The chain's head now: the last event's number and hash. */
export function auditHeadMark(db: Db): AuditHeadMark {
  const last = db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { count: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** `COUNT:HASH`, as printed on the minutes and typed after `--anchor`. */
export function formatAnchor(head: AuditHeadMark): string {
  return `${head.count}:${head.hash}`;
}

export function parseAnchor(text: string): AuditAnchor | null {
  const match = /^(\d{1,12}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  return match ? { count: Number(match[1]), hash: match[2]! } : null;
}

/** The verification asked from the journal: verified first, then audited with its verdict. */
export function verifyAuditTrail(ctx: ServiceContext): AuditVerification {
  const result = verifyAudit(ctx.db, { databaseId: ctx.keys.read().databaseId ?? null });
  appendAudit(
    ctx.db,
    {
      userId: ctx.actor.userId,
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      detail: result.ok ? `count=${result.count}` : `broken=${result.brokenEventId ?? 'triggers'}`,
    },
    ctx.clock(),
  );
  return result;
}

/** The first event of a new database's trail (set-up, before anything else is recorded). */
export function appendGenesis(db: Db, databaseId: string, at: Date): AuditEvent {
  if (db.prepare('SELECT 1 FROM audit_events LIMIT 1').get()) throw new Error('the genesis event must be the first of the trail');
  return appendAudit(db, genesisInput(databaseId), at);
}
