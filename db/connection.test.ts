import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshEncryptedDb } from '../tests/helpers/db';
import { tempDir } from '../tests/helpers/vault';
import { openEncryptedDatabase } from './connection';

const MARKER = 'Résidence-Bellecroix-Metz-MARQUEUR';

describe('encrypted connection', () => {
  it('keeps written text out of the file and its WAL, and reopens with the same key', () => {
    const { db, path, key } = freshEncryptedDb();
    db.exec('CREATE TABLE t (v TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(MARKER);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('cache_size', { simple: true })).toBe(-16384); // 16 MiB, chosen by the bench
    expect(existsSync(`${path}-wal`)).toBe(true);
    for (const file of [path, `${path}-wal`]) {
      expect(readFileSync(file).includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
    }
    db.close();
    expect(readFileSync(path).includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
    const again = openEncryptedDatabase(path, key, { create: false });
    expect(again.prepare('SELECT v FROM t').pluck().get()).toBe(MARKER);
    again.close();
  });

  it('fails at open, not later, with a wrong key', () => {
    const { db, path } = freshEncryptedDb();
    db.exec('CREATE TABLE t (v TEXT)');
    db.close();
    expect(() => openEncryptedDatabase(path, randomBytes(32), { create: false })).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }));
  });

  it('says so when the file is missing, and never creates one by accident', () => {
    const path = join(tempDir(), 'absent.db');
    expect(() => openEncryptedDatabase(path, randomBytes(32), { create: false })).toThrow(/introuvable/);
    expect(existsSync(path)).toBe(false);
  });
});
