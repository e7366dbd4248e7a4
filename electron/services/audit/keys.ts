// The trail's own keys: one seals the checkpoints (so a row added behind the archive's back is
// found), one encrypts the archives. Both are derived (HKDF, one label each) from a random secret
// that migration 011 writes once into the encrypted database: only a holder of the master key reads
// it, it survives key rotations (an archive made before a rotation still opens after it) and goes
// with every backup, and the in-app verification needs no password. Derived per use, then wiped.
import { hkdfSync } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { wipe } from '../../../db/crypto';

export interface AuditKeys {
  /** HMAC key of the checkpoints' seals. */
  seal: Buffer;
  /** AES-256-GCM key of the archives. */
  archive: Buffer;
}

export const ARCHIVE_AAD = 'clsm-audit-archive/1';
const SEAL_LABEL = 'clsm-audit-checkpoint/1';

const derive = (secret: Buffer, label: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32));

/** The keys of this database's trail; null on a schema before 11 (no secret yet: nothing sealed). */
export function auditKeysOf(db: Db): AuditKeys | null {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_secret'`).get();
  if (!hasTable) return null;
  const secret = db.prepare('SELECT secret FROM audit_secret WHERE id = 1').pluck().get() as Buffer | undefined;
  if (!secret) return null;
  try {
    return { seal: derive(secret, SEAL_LABEL), archive: derive(secret, ARCHIVE_AAD) };
  } finally {
    wipe(secret);
  }
}

/** Runs `use` with this database's trail keys, wiped afterwards. */
export function withAuditKeys<T>(db: Db, use: (keys: AuditKeys | null) => T): T {
  const keys = auditKeysOf(db);
  try {
    return use(keys);
  } finally {
    if (keys) wipe(keys.seal, keys.archive);
  }
}
