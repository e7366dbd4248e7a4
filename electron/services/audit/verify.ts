// Verifying the audit trail. It proves three things, and says which failed:
// - the guards are the ones the migrations wrote (their SQL, not only their names);
// - the chain starts with the genesis event naming this database's id, which the keyring keeps too,
//   and every event is linked to the one before it (nothing edited, removed or renumbered);
// - the chain extends every anchor given: a head (count, hash) copied earlier outside the database,
//   into a backup manifest on the share or a signed document. A key holder can rebuild a consistent
//   chain, but not one that still extends the anchors other people keep;
// - events archived away are behind a checkpoint the archive sealed (checkpoints.ts); an anchor
//   behind a checkpoint is judged in that checkpoint's archive, and with no archive it fails.
// It only reads: nothing is written before the verdict.
import type { Db } from '../../../db/connection';
import { AUDIT_CHECKPOINTS_INSERT_GUARD, AUDIT_EVENTS_DELETE_GUARD } from '../../../db/migrations/011_audit_checkpoint_seals';
import { Checkpoint, checkpointProblem, listCheckpoints, type OpenedArchive } from './checkpoints';
import { withAuditKeys } from './keys';
import { appendAudit, AuditEvent, EVENT_COLUMNS, GENESIS_HASH, hashEvent, rowToEvent, type AuditRow } from './trail';

/** A head of the chain kept outside the database: events since the genesis, and the last hash. */
export interface AuditAnchor {
  count: number;
  hash: string;
  /** The latest checkpoint when the anchor was taken (a backup's manifest, signed minutes). */
  checkpoint?: CheckpointMark | null;
  /** Where it was read (a backup's date, « ligne de commande »), for the report. */
  source?: string;
}

/** A checkpoint as an anchor records it: its last archived event and that event's hash. */
export interface CheckpointMark {
  throughId: number;
  hash: string;
}

/**
 * `extended`: the trail holds the anchor's event with its hash; `archived`: the event was archived
 * and its archive, supplied and verified, holds it; `unproven`: it was archived and no archive proves
 * it; `diverged`: another hash (or the anchor's checkpoint is gone); `missing`: the trail is shorter.
 */
export type AnchorStatus = 'extended' | 'archived' | 'unproven' | 'diverged' | 'missing';

export interface AnchorCheck extends AuditAnchor {
  status: AnchorStatus;
}

export interface AuditHeadMark {
  /** Events since the genesis (the last event's number). */
  count: number;
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: AuditHeadMark; anchors: AnchorCheck[]; archives: number }
  | { ok: false; count: number; brokenEventId: number | null; reason: string; anchors: AnchorCheck[]; archives: number };

export interface VerifyOptions {
  databaseId: string | null;
  anchors?: readonly AuditAnchor[];
  /** Archives read for this verification, each with its own chain checked (archive.ts). */
  archives?: readonly OpenedArchive[];
  /** The journal page and `audit-verify`: every checkpoint must be proven by its archive. */
  requireArchives?: boolean;
  /**
   * Incremental: the chain up to this event was verified before (a sealed mark, marks.ts); only
   * what follows is hashed again. A change behind the mark is for a full verification to find.
   */
  from?: AuditHeadMark | null;
  /** Called as events are hashed (after every slice), with the number of the last one. */
  onProgress?: (lastId: number) => void;
}

const GENESIS_ACTION = 'audit.genesis';

const normalizeSql = (sql: string) => sql.replace(/\s+/g, ' ').trim();

const NO_UPDATE = (table: string, message: string) =>
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`;
const NO_DELETE = (table: string, message: string) =>
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`;

/** The guards as the migrations up to this schema wrote them; a same-named trigger that does less is refused. */
function expectedGuards(version: number): Record<string, string> {
  const guards: Record<string, string> = {
    audit_events_no_update: NO_UPDATE('audit_events', 'audit_events is append-only'),
    audit_events_no_delete: NO_DELETE('audit_events', 'audit_events is append-only'),
  };
  if (version >= 7) {
    // An event may leave once archived behind a checkpoint (011 on: never the genesis).
    guards.audit_events_no_delete =
      version >= 11
        ? normalizeSql(AUDIT_EVENTS_DELETE_GUARD)
        : "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events WHEN OLD.id > COALESCE((SELECT max(through_id) FROM audit_checkpoints), 0) BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END";
    guards.audit_checkpoints_no_update = NO_UPDATE('audit_checkpoints', 'audit checkpoints are append-only');
    guards.audit_checkpoints_no_delete = NO_DELETE('audit_checkpoints', 'audit checkpoints are append-only');
  }
  if (version >= 11) guards.audit_checkpoints_insert = normalizeSql(AUDIT_CHECKPOINTS_INSERT_GUARD);
  return guards;
}

/** The French problem with the guards, or null when they are exactly the expected ones. */
export function guardProblem(db: Db): string | null {
  const found = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_events', 'audit_checkpoints')`)
    .all() as { name: string; sql: string | null }[];
  const expected = expectedGuards(db.pragma('user_version', { simple: true }) as number);
  for (const [name, sql] of Object.entries(expected)) {
    const trigger = found.find((t) => t.name === name);
    if (!trigger) return 'les protections du journal (interdiction de modifier ou supprimer) ont été retirées';
    if (normalizeSql(trigger.sql ?? '') !== sql) return `la protection « ${name} » du journal a été modifiée`;
  }
  const extra = found.find((t) => !(t.name in expected));
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

export function anchorProblem(check: AnchorCheck): string | null {
  const where = check.source ? ` (${check.source})` : '';
  const label = `${check.count}:${check.hash.slice(0, 12)}…${where}`;
  if (check.status === 'diverged') return `le journal ne prolonge pas l’ancre ${label} : il a été réécrit`;
  if (check.status === 'missing') return `le journal compte moins de ${check.count} événements, ancre${where} : il a été tronqué`;
  if (check.status === 'unproven')
    return `l’ancre ${label} est antérieure à un point d’archivage dont l’archive n’est pas fournie ou ne se vérifie pas (--archive FICHIER) : le journal n’est pas prouvé complet`;
  return null;
}

/** Events hashed between two yields of the walk: 40–70 ms of work on the 2-core bench machine. */
export const VERIFY_SLICE = 5_000;

/** Walks the whole chain in id order, a slice at a time (the trail may hold millions of events). */
export function verifyAudit(db: Db, options: VerifyOptions): AuditVerification {
  const steps = verifySteps(db, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/**
 * The same walk on the main process's own connection, giving the event loop back between slices:
 * the master key is not kept after unlocking, so the live trail cannot be opened by a worker;
 * instead no slice blocks the window for long. Events appended meanwhile are verified too.
 */
export async function verifyAuditInSlices(db: Db, options: VerifyOptions): Promise<AuditVerification> {
  const steps = verifySteps(db, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Yields the last event hashed after each slice; returns the verification. */
function* verifySteps(db: Db, options: VerifyOptions): Generator<number, AuditVerification, void> {
  const checkpoints = listCheckpoints(db);
  const first = db.prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events ORDER BY id LIMIT 1`).get() as AuditRow | undefined;
  const proofs = proveCheckpoints(checkpoints, options.archives ?? [], first?.hash ?? GENESIS_HASH);
  const anchors = checkAnchors(db, options.anchors ?? [], checkpoints, proofs);
  const archives = proofs.proven.size;
  const fail = (count: number, brokenEventId: number | null, reason: string): AuditVerification => ({
    ok: false,
    count,
    brokenEventId,
    reason,
    anchors,
    archives,
  });
  const genesis = genesisProblem(first ? rowToEvent(first) : undefined, options.databaseId);
  if (genesis) return fail(0, first?.id === 1 ? 1 : null, genesis);

  // Events archived and removed (audit retention) are behind the latest checkpoint; the genesis
  // stays. The chain goes on from the last archived event's hash, proven by the checkpoint's seal
  // and, when supplied, its archive.
  const latest = checkpoints[checkpoints.length - 1];
  let count = 1;
  let prevHash = first!.hash;
  let lastId = 1;
  if (latest && latest.throughId > 1) {
    prevHash = latest.throughHash;
    lastId = latest.throughId;
  }
  const from = options.from;
  if (from && from.count > lastId) {
    // The mark must still be in the chain as it was verified; the count goes on from it.
    const marked = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(from.count) as string | undefined;
    if (marked !== from.hash)
      return fail(count, from.count, `événement n° ${from.count} : différent de celui vérifié auparavant (point de vérification)`);
    count += from.count - lastId;
    prevHash = from.hash;
    lastId = from.count;
  }
  const firstId = lastId + 1;
  const firstCount = count;
  // Keyset slices rather than one open cursor: between two slices the connection is free.
  const slice = db.prepare(`SELECT ${EVENT_COLUMNS} FROM audit_events WHERE id >= ? ORDER BY id LIMIT ${VERIFY_SLICE}`);
  for (let next = firstId; ;) {
    const rows = slice.all(next) as AuditRow[];
    for (const row of rows) {
      const event = rowToEvent(row);
      const expectedId = firstId + count - firstCount;
      if (event.id !== expectedId) return fail(count, expectedId, `événement n° ${expectedId} manquant (supprimé ou renuméroté)`);
      if (event.prevHash !== prevHash) return fail(count, event.id, `événement n° ${event.id} : chaînage rompu avec l'événement précédent`);
      if (hashEvent(prevHash, event) !== event.hash) {
        return fail(count, event.id, `événement n° ${event.id} : contenu modifié après son enregistrement`);
      }
      prevHash = event.hash;
      lastId = event.id;
      count += 1;
    }
    if (rows.length < VERIFY_SLICE) break;
    next = lastId + 1;
    yield lastId;
  }
  const problem =
    guardProblem(db) ??
    withAuditKeys(db, (keys) =>
      checkpointProblem(checkpoints, keys?.seal ?? null, { databaseId: options.databaseId, genesisHash: first!.hash }),
    ) ??
    proofs.problem ??
    (options.requireArchives ? unprovenCheckpoint(checkpoints, proofs.proven) : null) ??
    anchors.map(anchorProblem).find((p) => p !== null) ??
    null;
  if (problem) return fail(count, null, problem);
  return { ok: true, count, head: { count: lastId, hash: prevHash }, anchors, archives };
}

function unprovenCheckpoint(checkpoints: readonly Checkpoint[], proven: ReadonlyMap<number, OpenedArchive>): string | null {
  const index = checkpoints.findIndex((c) => !proven.has(c.id));
  if (index < 0) return null;
  return `point d’archivage n° ${index + 1} : son archive « ${checkpoints[index]!.archiveName} » est introuvable ou ne se vérifie pas (--archive FICHIER) : le journal n’est pas prouvé complet`;
}

/** Each archive supplied must be the one a checkpoint recorded, and follow the previous one. */
function proveCheckpoints(
  checkpoints: readonly Checkpoint[],
  archives: readonly OpenedArchive[],
  genesisHash: string,
): { proven: Map<number, OpenedArchive>; problem: string | null } {
  const proven = new Map<number, OpenedArchive>();
  for (const archive of archives) {
    const index = checkpoints.findIndex((c) => c.archiveSha256 === archive.sha256);
    const checkpoint = checkpoints[index];
    if (!checkpoint) return { proven, problem: `l’archive « ${archive.fileName} » ne correspond à aucun point d’archivage du journal` };
    const previous = checkpoints[index - 1];
    const follows =
      archive.fromId === (previous?.throughId ?? 1) + 1 &&
      archive.firstPrevHash === (previous?.throughHash ?? genesisHash) &&
      archive.throughId === checkpoint.throughId &&
      archive.throughHash === checkpoint.throughHash;
    if (!follows)
      return {
        proven,
        problem: `l’archive « ${archive.fileName} » ne prolonge pas le journal jusqu’à son point d’archivage n° ${index + 1}`,
      };
    proven.set(checkpoint.id, archive);
  }
  return { proven, problem: null };
}

function checkAnchors(
  db: Db,
  anchors: readonly AuditAnchor[],
  checkpoints: readonly Checkpoint[],
  proofs: { proven: ReadonlyMap<number, OpenedArchive> },
): AnchorCheck[] {
  const hashOf = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck();
  const status = (anchor: AuditAnchor): AnchorStatus => {
    const kept = anchor.checkpoint;
    if (kept && !checkpoints.some((c) => c.throughId === kept.throughId && c.throughHash === kept.hash)) return 'diverged';
    const found = hashOf.get(anchor.count) as string | undefined;
    if (found !== undefined) return found === anchor.hash ? 'extended' : 'diverged';
    const covering = checkpoints.find((c) => anchor.count > 1 && anchor.count <= c.throughId);
    if (!covering) return 'missing';
    const archive = proofs.proven.get(covering.id);
    if (!archive) return 'unproven';
    return archive.hashOf(anchor.count) === anchor.hash ? 'archived' : 'diverged';
  };
  return anchors.map((anchor) => ({ ...anchor, status: status(anchor) }));
}

/** The chain's head now: the last event's number and hash, and the latest checkpoint if any. */
export function auditHeadMark(db: Db): AuditHeadMark & { checkpoint: CheckpointMark | null } {
  const last = db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const latest = listCheckpoints(db).at(-1);
  return {
    count: last?.id ?? 0,
    hash: last?.hash ?? GENESIS_HASH,
    checkpoint: latest ? { throughId: latest.throughId, hash: latest.throughHash } : null,
  };
}

/**
 * `COUNT:HASH`, as printed on the minutes and typed after `--anchor`; with the latest checkpoint,
 * `COUNT:HASH/THROUGH:HASH`: a checkpoint removed or replaced later no longer matches it.
 */
export function formatAnchor(head: AuditHeadMark & { checkpoint?: CheckpointMark | null }): string {
  const main = `${head.count}:${head.hash}`;
  return head.checkpoint ? `${main}/${head.checkpoint.throughId}:${head.checkpoint.hash}` : main;
}

export const ANCHOR_TEXT = '\\d{1,12}:[0-9a-f]{64}(?:/\\d{1,12}:[0-9a-f]{64})?';

export function parseAnchor(text: string): AuditAnchor | null {
  const match = /^(\d{1,12}):([0-9a-f]{64})(?:\/(\d{1,12}):([0-9a-f]{64}))?$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const anchor: AuditAnchor = { count: Number(match[1]), hash: match[2]! };
  return match[3] ? { ...anchor, checkpoint: { throughId: Number(match[3]), hash: match[4]! } } : anchor;
}

/** The first event of a new database's trail (set-up, before anything else is recorded). */
export function appendGenesis(db: Db, databaseId: string, at: Date): AuditEvent {
  if (db.prepare('SELECT 1 FROM audit_events LIMIT 1').get()) throw new Error('the genesis event must be the first of the trail');
  return appendAudit(db, genesisInput(databaseId), at);
}
