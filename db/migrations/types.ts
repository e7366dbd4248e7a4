import type { Db } from '../connection';

/** One schema step. `up` runs inside the transaction that also bumps `user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
