// What a database holds, as the manifest records it and the verification compares it.
import type { Db } from '../../../db/connection';
import type { TableCounts } from '../../../db/tables';
import { listCheckpoints } from '../audit/checkpoints';

export { countRows, tableCounts, tableNames, type TableCounts } from '../../../db/tables';

export interface AuditHead {
  count: number;
  lastId: number;
  hash: string;
  /** The latest checkpoint: the manifest carries it as an anchor of its own. */
  checkpoint: { throughId: number; hash: string } | null;
}

export function auditHead(db: Db): AuditHead {
  return { ...auditLast(db), count: db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number };
}

/** The head without counting the events (a million rows): what the main process reads. */
export function auditLast(db: Db): Omit<AuditHead, 'count'> {
  const last = db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const latest = listCheckpoints(db).at(-1);
  return {
    lastId: last?.id ?? 0,
    hash: last?.hash ?? '',
    checkpoint: latest ? { throughId: latest.throughId, hash: latest.throughHash } : null,
  };
}

/** The differences between what was expected and what was found, in French, one per table. */
export function countDifferences(expected: TableCounts, found: TableCounts): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(expected), ...Object.keys(found)])) {
    const want = expected[name];
    const got = found[name];
    if (want === undefined) problems.push(`table « ${name} » en trop dans la copie`);
    else if (got === undefined) problems.push(`table « ${name} » absente de la copie`);
    else if (want !== got) problems.push(`table « ${name} » : ${got} lignes au lieu de ${want}`);
  }
  return problems;
}
