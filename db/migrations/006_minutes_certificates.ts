import type { Migration } from './types';

// Signed minutes and the certificates that sign them. A certificate is kept as its PKCS#12 file,
// itself encrypted under the holder's certificate password, inside the encrypted database: signing
// asks for that password, so a stolen session cannot sign. One certificate in use per holder (the
// coordinator's user account, or a member who animates meetings); a replaced one is retired, kept
// for the record. Signed minutes and addenda are immutable rows: the PDF as signed, its digest and
// its signers. Once the minutes are signed, the deliberations they record cannot change.
export const migration006: Migration = {
  version: 6,
  name: 'minutes_certificates',
  up(db) {
    db.exec(`
      CREATE TABLE signing_certificates (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users(id),
        member_id INTEGER REFERENCES members(id),
        p12 BLOB NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('imported', 'created')),
        common_name TEXT NOT NULL,
        organization TEXT NOT NULL DEFAULT '',
        issuer_common_name TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        self_signed INTEGER NOT NULL CHECK (self_signed IN (0, 1)),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        retired_at TEXT,
        CHECK ((user_id IS NULL) <> (member_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX signing_certificates_user ON signing_certificates(user_id) WHERE retired_at IS NULL AND user_id IS NOT NULL;
      CREATE UNIQUE INDEX signing_certificates_member ON signing_certificates(member_id) WHERE retired_at IS NULL AND member_id IS NOT NULL;

      CREATE TABLE minutes_documents (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        sequence INTEGER NOT NULL CHECK (sequence >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('minutes', 'addendum')),
        body TEXT,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signers TEXT NOT NULL CHECK (json_valid(signers) AND json_type(signers) = 'array'),
        signed_by INTEGER NOT NULL REFERENCES users(id),
        signed_at TEXT NOT NULL,
        UNIQUE (meeting_id, sequence),
        CHECK ((kind = 'minutes') = (sequence = 0)),
        CHECK (kind = 'minutes' OR body IS NOT NULL)
      ) STRICT;
      CREATE TRIGGER minutes_documents_no_update BEFORE UPDATE ON minutes_documents
      BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END;
      CREATE TRIGGER minutes_documents_no_delete BEFORE DELETE ON minutes_documents
      BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END;

      CREATE TRIGGER deliberations_locked BEFORE UPDATE OF synthesis, hypotheses, response_typology, proposals, outcome, reexamine_on
      ON deliberations
      WHEN (SELECT m.state FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.item_id) = 'minutes_signed'
      BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END;
    `);
  },
};
