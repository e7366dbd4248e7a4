import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Db, openEncryptedDatabase } from '../../db/connection';
import { tempDir } from './vault';

/** A new encrypted database in a temp folder, with its path and key for reopening. */
export function freshEncryptedDb(): { db: Db; path: string; key: Buffer } {
  const path = join(tempDir(), 'test.db');
  const key = randomBytes(32);
  return { db: openEncryptedDatabase(path, key, { create: true }), path, key };
}
