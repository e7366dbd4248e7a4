import type { Db } from '../connection';

export interface MigrationContext {
  /** When the migration runs (UTC ISO), from the caller's clock. */
  now: string;
}

/** One schema step. `up` runs inside the transaction that also bumps `user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db, context: MigrationContext): void;
}
