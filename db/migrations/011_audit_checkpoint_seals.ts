import type { Migration } from './types';

// Checkpoints that prove themselves (issue 24). A checkpoint now names the first event it archives
// and carries a seal (an HMAC keyed from the master key, computed by the archive operation:
// electron/services/audit/checkpoints.ts). The guard on inserts lets in only a row that could come
// from the archive: sealed, with the archive's digest, following the previous checkpoint, its last
// event still in the trail with that very hash (so it is written before the events leave). The genesis
// event never leaves. The seal's key (and the archives') derives from a random secret written here
// once, inside the encrypted database, so it survives key rotations. Checkpoints written before (no
// seal) stay; they are proven by their archive.
export const AUDIT_CHECKPOINTS_INSERT_GUARD = `CREATE TRIGGER audit_checkpoints_insert BEFORE INSERT ON audit_checkpoints
      WHEN NEW.mac IS NULL OR length(NEW.mac) != 64 OR NEW.mac GLOB '*[^0-9a-f]*'
        OR length(NEW.archive_sha256) != 64 OR NEW.archive_sha256 GLOB '*[^0-9a-f]*'
        OR NEW.from_id IS NOT COALESCE((SELECT max(through_id) FROM audit_checkpoints), 1) + 1
        OR NEW.through_id < NEW.from_id
        OR NEW.archived_count IS NOT NEW.through_id - NEW.from_id + 1
        OR NEW.through_hash IS NOT (SELECT hash FROM audit_events WHERE id = NEW.through_id)
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are written by the archive only'); END`;

export const AUDIT_EVENTS_DELETE_GUARD = `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      WHEN OLD.id = 1 OR OLD.id > COALESCE((SELECT max(through_id) FROM audit_checkpoints), 0)
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`;

export const migration011: Migration = {
  version: 11,
  name: 'audit_checkpoint_seals',
  up(db) {
    db.exec(`
      CREATE TABLE audit_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret BLOB NOT NULL CHECK (length(secret) = 32)) STRICT;
      INSERT INTO audit_secret (id, secret) VALUES (1, randomblob(32));
      CREATE TRIGGER audit_secret_no_update BEFORE UPDATE ON audit_secret BEGIN SELECT RAISE(ABORT, 'the audit secret is written once'); END;
      CREATE TRIGGER audit_secret_no_delete BEFORE DELETE ON audit_secret BEGIN SELECT RAISE(ABORT, 'the audit secret is written once'); END;
      ALTER TABLE audit_checkpoints ADD COLUMN from_id INTEGER;
      ALTER TABLE audit_checkpoints ADD COLUMN mac TEXT;
      ${AUDIT_CHECKPOINTS_INSERT_GUARD};
      DROP TRIGGER audit_events_no_delete;
      ${AUDIT_EVENTS_DELETE_GUARD};
    `);
  },
};
