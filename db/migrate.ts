import { AppError } from '../electron/errors';
import { Clock, nowIso, systemClock } from '../electron/shared/dates';
import type { Db } from './connection';
import { LATEST_SCHEMA_VERSION, migrations as registry } from './migrations';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer app: we cannot know what its schema means. */
export function assertNotNewer(db: Db, latest = LATEST_SCHEMA_VERSION): void {
  const version = schemaVersion(db);
  if (version > latest) {
    throw new AppError('DB_TOO_NEW', {
      message:
        `Cette base de données a été créée par une version plus récente de l'application ` +
        `(schéma ${version}, cette version gère jusqu'au schéma ${latest}). Installez la dernière version.`,
    });
  }
}

/**
 * Brings the schema to `target` (the latest by default). Every pending migration runs in one
 * transaction: either the database reaches the target or it stays exactly as it was.
 */
export function migrate(db: Db, options: { target?: number; migrations?: readonly Migration[]; clock?: Clock } = {}): number {
  const list = options.migrations ?? registry;
  const target = options.target ?? list[list.length - 1]?.version ?? 0;
  assertNotNewer(db, list[list.length - 1]?.version ?? 0);
  const current = schemaVersion(db);
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  const context = { now: nowIso(options.clock ?? systemClock) };
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db, context);
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }
  })();
  return schemaVersion(db);
}
