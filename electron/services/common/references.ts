// Whether any row still points at a record: a structure or a member is deleted only when nothing
// refers to it, and deactivated otherwise. The referring columns are read from the schema itself
// (every foreign key to the table), so a table added by a later migration is never forgotten.
import type { Db } from '../../../db/connection';

interface ForeignKey {
  table: string;
  from: string;
}

const cache = new WeakMap<Db, Map<string, string[]>>();

function referringQueries(db: Db, target: string): string[] {
  const known = cache.get(db) ?? new Map<string, string[]>();
  cache.set(db, known);
  const hit = known.get(target);
  if (hit) return hit;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const queries = tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table}")`) as ForeignKey[])
      .filter((fk) => fk.table === target)
      .map((fk) => `SELECT 1 FROM "${table}" WHERE "${fk.from}" = ? LIMIT 1`),
  );
  known.set(target, queries);
  return queries;
}

export function isReferenced(db: Db, table: 'structures' | 'members', id: number): boolean {
  return referringQueries(db, table).some((sql) => db.prepare(sql).get(id) !== undefined);
}
