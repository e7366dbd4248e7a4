import type { Db } from '../../../db/connection';

/** What the partner and charter services need: the database, the clock, and an audit writer. */
export interface PartnersContext {
  db: Db;
  now: () => Date;
  userId: number;
  audit(action: string, objectType: string, objectId: number | null, detail?: string): void;
}
