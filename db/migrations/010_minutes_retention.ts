import type { Migration } from './types';

// G9 for signed minutes (issue 23; the charter, art. 6: minutes are kept only as long as the
// follow-up needs them). A destruction is recorded first — the documents' sequences and SHA-256
// digests, and the audit trail's head at that moment — and only then may the signed PDFs be
// emptied and an addendum's text blanked; nothing else of the row changes, and no row goes, so the
// record of what was signed, by whom and when, stays.
export const migration010: Migration = {
  version: 10,
  name: 'minutes_retention',
  up(db) {
    db.exec(`
      CREATE TABLE minutes_destructions (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
        documents TEXT NOT NULL CHECK (json_valid(documents) AND json_type(documents) = 'array'),
        audit_head TEXT NOT NULL,
        destroyed_on TEXT NOT NULL,
        destroyed_at TEXT NOT NULL,
        destroyed_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER minutes_destructions_no_update BEFORE UPDATE ON minutes_destructions
      BEGIN SELECT RAISE(ABORT, 'a destruction is recorded once'); END;
      CREATE TRIGGER minutes_destructions_no_delete BEFORE DELETE ON minutes_destructions
      BEGIN SELECT RAISE(ABORT, 'a destruction is recorded once'); END;

      DROP TRIGGER minutes_documents_no_update;
      CREATE TRIGGER minutes_documents_no_update BEFORE UPDATE ON minutes_documents
      WHEN NOT EXISTS (SELECT 1 FROM minutes_destructions WHERE meeting_id = OLD.meeting_id)
        OR NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.sequence IS NOT OLD.sequence
        OR NEW.kind IS NOT OLD.kind OR NEW.sha256 IS NOT OLD.sha256 OR NEW.signers IS NOT OLD.signers
        OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
        OR length(NEW.pdf) <> 0 OR (NEW.body IS NOT NULL AND NEW.body <> '')
      BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END;
    `);
  },
};
