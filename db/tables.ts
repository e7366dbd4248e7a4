// What a database holds, table by table: the backup's manifest and a rekeyed copy are checked by it.
// The driver's type, not connection.ts's alias: connection.ts checks copies with these counts (no cycle).
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

export type TableCounts = Record<string, number>;

export function tableNames(db: Db): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

export function countRows(db: Db, table: string): number {
  return db
    .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
    .pluck()
    .get() as number;
}

export function tableCounts(db: Db): TableCounts {
  return Object.fromEntries(tableNames(db).map((name) => [name, countRows(db, name)]));
}
