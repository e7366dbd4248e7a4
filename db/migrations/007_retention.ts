import type { Migration } from './types';

// G9 and the audit trail's own retention. A situation whose personal data was erased is recorded in
// `situation_purges` (append-only); only then may its free texts be blanked where the earlier
// migrations froze them (consents, history, signed deliberations). The situation's row, its dates,
// states and codes stay: they are what the indicators count. Audit events older than the trail's
// retention may be removed once archived: `audit_checkpoints` keeps, for each archive, the last
// archived event's id and hash, from which the remaining chain verifies.
export const migration007: Migration = {
  version: 7,
  name: 'retention',
  up(db) {
    db.exec(`
      CREATE TABLE situation_purges (
        situation_id INTEGER PRIMARY KEY REFERENCES situations(id),
        basis TEXT NOT NULL CHECK (basis IN ('retention', 'withdrawal')),
        purged_on TEXT NOT NULL,
        purged_at TEXT NOT NULL,
        purged_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER situation_purges_no_update BEFORE UPDATE ON situation_purges
      BEGIN SELECT RAISE(ABORT, 'a purge is recorded once'); END;
      CREATE TRIGGER situation_purges_no_delete BEFORE DELETE ON situation_purges
      BEGIN SELECT RAISE(ABORT, 'a purge is recorded once'); END;
      -- Nothing personal comes back after a purge.
      CREATE TRIGGER situation_identities_not_after_purge BEFORE INSERT ON situation_identities
      WHEN EXISTS (SELECT 1 FROM situation_purges WHERE situation_id = NEW.situation_id)
      BEGIN SELECT RAISE(ABORT, 'the person''s data was erased'); END;

      DROP TRIGGER situation_transitions_no_update;
      CREATE TRIGGER situation_transitions_no_update BEFORE UPDATE ON situation_transitions
      WHEN NOT EXISTS (SELECT 1 FROM situation_purges WHERE situation_id = OLD.situation_id)
        OR NEW.id IS NOT OLD.id OR NEW.situation_id IS NOT OLD.situation_id OR NEW.at IS NOT OLD.at
        OR NEW.user_id IS NOT OLD.user_id OR NEW.from_state IS NOT OLD.from_state OR NEW.to_state IS NOT OLD.to_state
        OR NEW.reason IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'the situation history is append-only'); END;

      DROP TRIGGER consents_immutable;
      CREATE TRIGGER consents_immutable BEFORE UPDATE ON consents
      WHEN NOT EXISTS (SELECT 1 FROM situation_purges WHERE situation_id = OLD.situation_id) AND (
        OLD.withdrawn_on IS NOT NULL OR NEW.withdrawn_on IS NULL
        OR NEW.situation_id IS NOT OLD.situation_id OR NEW.collected_on IS NOT OLD.collected_on
        OR NEW.collected_by_member_id IS NOT OLD.collected_by_member_id OR NEW.mode IS NOT OLD.mode OR NEW.witness IS NOT OLD.witness
        OR NEW.info_data_categories IS NOT OLD.info_data_categories OR NEW.info_professionals IS NOT OLD.info_professionals
        OR NEW.info_supports IS NOT OLD.info_supports OR NEW.info_security IS NOT OLD.info_security
        OR NEW.allowed_categories IS NOT OLD.allowed_categories OR NEW.excluded_structures IS NOT OLD.excluded_structures
        OR NEW.identity_sharing IS NOT OLD.identity_sharing OR NEW.legal_protection IS NOT OLD.legal_protection
        OR NEW.representative IS NOT OLD.representative OR NEW.representative_agreement IS NOT OLD.representative_agreement
        OR NEW.attendance IS NOT OLD.attendance OR NEW.attendance_representative IS NOT OLD.attendance_representative
        OR NEW.reconfirm_by IS NOT OLD.reconfirm_by OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at)
      BEGIN SELECT RAISE(ABORT, 'a consent is kept as recorded'); END;
      -- After a purge, a consent's texts may only be blanked; what it allowed, and when, stays.
      CREATE TRIGGER consents_purge_blanks_only BEFORE UPDATE ON consents
      WHEN EXISTS (SELECT 1 FROM situation_purges WHERE situation_id = OLD.situation_id) AND (
        (NEW.witness IS NOT OLD.witness AND NEW.witness IS NOT '') OR NEW.representative IS NOT NULL
        OR NEW.attendance_representative IS NOT NULL OR NEW.withdrawn_on IS NOT OLD.withdrawn_on
        OR NEW.collected_on IS NOT OLD.collected_on OR NEW.allowed_categories IS NOT OLD.allowed_categories
        OR NEW.excluded_structures IS NOT OLD.excluded_structures OR NEW.legal_protection IS NOT OLD.legal_protection)
      BEGIN SELECT RAISE(ABORT, 'a consent is kept as recorded'); END;

      DROP TRIGGER deliberations_locked;
      CREATE TRIGGER deliberations_locked BEFORE UPDATE OF synthesis, hypotheses, response_typology, proposals, outcome, reexamine_on
      ON deliberations
      WHEN (SELECT m.state FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.item_id) = 'minutes_signed'
        AND NOT (
          EXISTS (SELECT 1 FROM agenda_items i JOIN situation_purges p ON p.situation_id = i.situation_id WHERE i.id = OLD.item_id)
          AND NEW.synthesis = '' AND NEW.hypotheses = '' AND NEW.proposals = ''
          AND NEW.response_typology IS OLD.response_typology AND NEW.outcome IS OLD.outcome AND NEW.reexamine_on IS OLD.reexamine_on)
      BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END;

      CREATE TABLE audit_checkpoints (
        id INTEGER PRIMARY KEY,
        through_id INTEGER NOT NULL CHECK (through_id > 0),
        through_hash TEXT NOT NULL,
        archived_count INTEGER NOT NULL CHECK (archived_count > 0),
        archived_before TEXT NOT NULL,
        archive_name TEXT NOT NULL,
        archive_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      -- An event may leave the trail only once archived behind a checkpoint.
      DROP TRIGGER audit_events_no_delete;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      WHEN OLD.id > COALESCE((SELECT max(through_id) FROM audit_checkpoints), 0)
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    `);
  },
};
