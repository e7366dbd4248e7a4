import type { Migration } from './types';

// A password set by someone else must be changed at the next unlock (users.must_change_password).
// A charter signature recorded by mistake can be cancelled with a reason, its history kept: the
// signatures table is rebuilt so that only one *valid* signature per member and version is unique.
export const migration003: Migration = {
  version: 3,
  name: 'password_change_signature_cancel',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

      CREATE TABLE charter_signatures_new (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        version_id INTEGER NOT NULL REFERENCES charter_versions(id),
        signed_on TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        cancelled_at TEXT,
        cancelled_by INTEGER REFERENCES users(id),
        cancel_reason TEXT,
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancel_reason IS NULL))
      ) STRICT;
      INSERT INTO charter_signatures_new (id, member_id, version_id, signed_on, recorded_by, recorded_at)
        SELECT id, member_id, version_id, signed_on, recorded_by, recorded_at FROM charter_signatures;
      DROP TABLE charter_signatures;
      ALTER TABLE charter_signatures_new RENAME TO charter_signatures;
      CREATE UNIQUE INDEX charter_signatures_valid ON charter_signatures(member_id, version_id) WHERE cancelled_at IS NULL;
      CREATE INDEX charter_signatures_version ON charter_signatures(version_id);
      CREATE TRIGGER charter_signatures_adopted_only BEFORE INSERT ON charter_signatures
      WHEN (SELECT adopted_on FROM charter_versions WHERE id = NEW.version_id) IS NULL
      BEGIN SELECT RAISE(ABORT, 'a draft charter cannot be signed'); END;
      -- A signature is history: only its cancellation may be written, once.
      CREATE TRIGGER charter_signatures_history BEFORE UPDATE ON charter_signatures
      WHEN OLD.cancelled_at IS NOT NULL OR NEW.member_id IS NOT OLD.member_id OR NEW.version_id IS NOT OLD.version_id
        OR NEW.signed_on IS NOT OLD.signed_on OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
      BEGIN SELECT RAISE(ABORT, 'a charter signature is kept as recorded'); END;
      CREATE TRIGGER charter_signatures_kept BEFORE DELETE ON charter_signatures
      BEGIN SELECT RAISE(ABORT, 'a charter signature is kept as recorded'); END;
    `);
  },
};
