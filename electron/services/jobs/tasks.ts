// The jobs themselves, run in the worker (run.ts) — plain functions over their own connection, so
// the tests may also call them directly. Each opens what it needs with the key it was given and
// wipes that key when done.
import { openEncryptedCopy, setRollbackJournal } from '../../../db/connection';
import { wipe } from '../../../db/crypto';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { AppError } from '../../errors';
import type { Role } from '../../shared/vocabulary';
import { verifyAudit } from '../audit/verify';
import { auditHead, countDifferences, tableCounts } from '../backup/contents';
import { verifyFailed } from '../backup/problems';
import type { JobInput, JobName, JobOutput } from './protocol';

type Progress = (fraction: number) => void;

function withKey<T>(bytes: Uint8Array, use: (key: Buffer) => T): T {
  const key = Buffer.from(bytes);
  try {
    return use(key);
  } finally {
    wipe(key);
    bytes.fill(0);
  }
}

/** A page that fails its authentication tag (flipped bytes) surfaces as SQLITE_CORRUPT/NOTADB. */
function asUnreadable(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? verifyFailed([`base illisible (${code})`]) : error;
}

function quickCheck(db: ReturnType<typeof openEncryptedCopy>): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw verifyFailed([`contrôle d’intégrité SQLite : ${String(result)}`]);
}

function checkCopy(input: JobInput<'checkCopy'>, progress: Progress): JobOutput<'checkCopy'> {
  return withKey(input.masterKey, (key) => {
    // A file copy is in WAL mode like its source: made self-contained so that checking it, later,
    // writes nothing beside it on the share.
    setRollbackJournal(input.copyPath, key);
    const copy = openEncryptedCopy(input.copyPath, key);
    try {
      quickCheck(copy);
      progress(0.4);
      const counts = tableCounts(copy);
      const head = auditHead(copy);
      if (head.hash !== input.expectedHead.hash || head.lastId !== input.expectedHead.lastId)
        throw verifyFailed(['le dernier événement du journal d’audit diffère']);
      progress(0.5);
      const last = head.lastId;
      // A mark this trail does not hold (a restore since, another base on the share) proves nothing
      // here: the whole chain is verified instead.
      const from =
        input.from && copy.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(input.from.count) === input.from.hash
          ? input.from
          : null;
      const audit = verifyAudit(copy, {
        databaseId: input.databaseId,
        from,
        onProgress: (id) => progress(0.5 + 0.5 * (id / Math.max(last, 1))),
      });
      if (!audit.ok) throw verifyFailed([`journal d’audit rompu : ${audit.reason}`]);
      return { counts, head: audit.head, auditCount: head.count };
    } catch (error) {
      throw asUnreadable(error);
    } finally {
      copy.close();
    }
  });
}

function verifyBackupDatabase(input: JobInput<'verifyBackupDatabase'>, progress: Progress): JobOutput<'verifyBackupDatabase'> {
  const { manifest } = input;
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) throw new AppError('BACKUP_TOO_NEW');
  return withKey(input.masterKey, (key) => {
    let db;
    try {
      db = openEncryptedCopy(input.dbPath, key);
    } catch (error) {
      if (error instanceof AppError && error.code === 'DB_DAMAGED') throw verifyFailed(['la base ne s’ouvre pas avec la clé du trousseau']);
      throw error;
    }
    try {
      quickCheck(db);
      progress(0.3);
      const counts = tableCounts(db);
      const problems = countDifferences(manifest.counts, counts);
      const head = auditHead(db);
      if (head.hash !== manifest.auditHead.hash) problems.push('le dernier événement du journal d’audit diffère du manifeste');
      progress(0.4);
      const audit = verifyAudit(db, {
        databaseId: input.databaseId,
        from: input.from,
        onProgress: (id) => progress(0.4 + 0.6 * (id / Math.max(head.lastId, 1))),
      });
      if (!audit.ok) problems.push(`journal d’audit rompu : ${audit.reason}`);
      if (problems.length > 0 || !audit.ok) throw verifyFailed(problems);
      const role = input.login
        ? ((db.prepare('SELECT role FROM users WHERE login = ? AND active = 1').pluck().get(input.login) as Role | undefined) ?? null)
        : null;
      return { counts, auditEvents: audit.count, head: audit.head, role };
    } catch (error) {
      throw asUnreadable(error);
    } finally {
      db.close();
    }
  });
}

export const TASKS: { [N in JobName]: (input: JobInput<N>, progress: Progress) => JobOutput<N> } = {
  checkCopy,
  verifyBackupDatabase,
};
