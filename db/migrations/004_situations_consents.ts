import type { Migration } from './types';

// Situations (referrals) and the person's consents. The person's identity is kept apart from the
// situation, in its own table, so that every listing, export and document reads the pseudonymous
// code and only the situation's page joins the identity. A code is never reused: situations are
// never deleted (G9's purge will erase the identity, not the row) and the yearly counter only grows.
// A consent is immutable once recorded: only its withdrawal may be written, once; the scan of the
// signed form is kept as attached.
export const migration004: Migration = {
  version: 4,
  name: 'situations_consents',
  up(db) {
    db.exec(`
      CREATE TABLE situation_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL CHECK (last > 0)
      ) STRICT;

      CREATE TABLE situations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (code GLOB 'S-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'),
        received_on TEXT NOT NULL,
        referring_member_id INTEGER NOT NULL REFERENCES members(id),
        referring_structure_id INTEGER NOT NULL REFERENCES structures(id),
        age_band TEXT NOT NULL CHECK (age_band IN ('18_25', '26_35', '36_45', '46_55', '56_65', '66_75', '76_plus')),
        commune TEXT NOT NULL,
        commune_outside INTEGER NOT NULL DEFAULT 0 CHECK (commune_outside IN (0, 1)),
        partners_involved TEXT NOT NULL DEFAULT '',
        already_tried TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL,
        typology TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(typology) AND json_type(typology) = 'array'),
        eligibility_answers TEXT CHECK (eligibility_answers IS NULL OR json_valid(eligibility_answers)),
        eligibility_decided_on TEXT,
        rejection_reason TEXT,
        state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'eligible', 'rejected', 'awaiting_consent', 'ready',
          'scheduled', 'examined', 'follow_up', 'closed')),
        closure_reason TEXT CHECK (closure_reason IN ('resolved', 'common_law', 'consent_withdrawn', 'moved', 'deceased', 'other')),
        closure_note TEXT,
        closed_on TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((state = 'closed') = (closure_reason IS NOT NULL) AND (closure_reason IS NULL) = (closed_on IS NULL)),
        CHECK ((state = 'rejected') <= (rejection_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX situations_state ON situations(state);
      CREATE INDEX situations_received ON situations(received_on);
      CREATE INDEX situations_structure ON situations(referring_structure_id);
      CREATE TRIGGER situations_code_fixed BEFORE UPDATE OF code ON situations WHEN NEW.code IS NOT OLD.code
      BEGIN SELECT RAISE(ABORT, 'a situation code never changes'); END;
      CREATE TRIGGER situations_kept BEFORE DELETE ON situations
      BEGIN SELECT RAISE(ABORT, 'a situation is never deleted'); END;

      CREATE TABLE situation_identities (
        situation_id INTEGER PRIMARY KEY REFERENCES situations(id),
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        birth_year INTEGER NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The situation's history: every change of state, who made it and why.
      CREATE TABLE situation_transitions (
        id INTEGER PRIMARY KEY,
        situation_id INTEGER NOT NULL REFERENCES situations(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        reason TEXT
      ) STRICT;
      CREATE INDEX situation_transitions_situation ON situation_transitions(situation_id);
      CREATE TRIGGER situation_transitions_no_update BEFORE UPDATE ON situation_transitions
      BEGIN SELECT RAISE(ABORT, 'the situation history is append-only'); END;
      CREATE TRIGGER situation_transitions_no_delete BEFORE DELETE ON situation_transitions
      BEGIN SELECT RAISE(ABORT, 'the situation history is append-only'); END;

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        situation_id INTEGER NOT NULL REFERENCES situations(id),
        collected_on TEXT NOT NULL,
        collected_by_member_id INTEGER NOT NULL REFERENCES members(id),
        mode TEXT NOT NULL CHECK (mode IN ('written', 'oral_witnessed')),
        witness TEXT,
        info_data_categories INTEGER NOT NULL CHECK (info_data_categories IN (0, 1)),
        info_professionals INTEGER NOT NULL CHECK (info_professionals IN (0, 1)),
        info_supports INTEGER NOT NULL CHECK (info_supports IN (0, 1)),
        info_security INTEGER NOT NULL CHECK (info_security IN (0, 1)),
        allowed_categories TEXT NOT NULL CHECK (json_valid(allowed_categories) AND json_type(allowed_categories) = 'array'),
        excluded_structures TEXT NOT NULL CHECK (json_valid(excluded_structures) AND json_type(excluded_structures) = 'array'),
        identity_sharing TEXT NOT NULL CHECK (identity_sharing IN ('code', 'first_name', 'full')),
        legal_protection TEXT NOT NULL CHECK (legal_protection IN ('none', 'sauvegarde', 'curatelle_simple', 'curatelle_renforcee',
          'tutelle', 'habilitation_familiale')),
        representative TEXT,
        representative_agreement INTEGER NOT NULL DEFAULT 0 CHECK (representative_agreement IN (0, 1)),
        attendance TEXT NOT NULL CHECK (attendance IN ('attend', 'represented', 'not_attend')),
        attendance_representative TEXT,
        reconfirm_by TEXT,
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        withdrawn_on TEXT,
        withdrawal_recorded_at TEXT,
        withdrawn_recorded_by INTEGER REFERENCES users(id),
        CHECK ((mode = 'oral_witnessed') = (witness IS NOT NULL)),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_at IS NULL) AND (withdrawn_on IS NULL) = (withdrawn_recorded_by IS NULL))
      ) STRICT;
      CREATE INDEX consents_situation ON consents(situation_id);
      -- Immutable once recorded: only the withdrawal may be written, once.
      CREATE TRIGGER consents_immutable BEFORE UPDATE ON consents
      WHEN OLD.withdrawn_on IS NOT NULL OR NEW.withdrawn_on IS NULL
        OR NEW.situation_id IS NOT OLD.situation_id OR NEW.collected_on IS NOT OLD.collected_on
        OR NEW.collected_by_member_id IS NOT OLD.collected_by_member_id OR NEW.mode IS NOT OLD.mode OR NEW.witness IS NOT OLD.witness
        OR NEW.info_data_categories IS NOT OLD.info_data_categories OR NEW.info_professionals IS NOT OLD.info_professionals
        OR NEW.info_supports IS NOT OLD.info_supports OR NEW.info_security IS NOT OLD.info_security
        OR NEW.allowed_categories IS NOT OLD.allowed_categories OR NEW.excluded_structures IS NOT OLD.excluded_structures
        OR NEW.identity_sharing IS NOT OLD.identity_sharing OR NEW.legal_protection IS NOT OLD.legal_protection
        OR NEW.representative IS NOT OLD.representative OR NEW.representative_agreement IS NOT OLD.representative_agreement
        OR NEW.attendance IS NOT OLD.attendance OR NEW.attendance_representative IS NOT OLD.attendance_representative
        OR NEW.reconfirm_by IS NOT OLD.reconfirm_by OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
      BEGIN SELECT RAISE(ABORT, 'a consent is kept as recorded'); END;
      CREATE TRIGGER consents_kept BEFORE DELETE ON consents
      BEGIN SELECT RAISE(ABORT, 'a consent is kept as recorded'); END;

      -- The signed form, scanned: inside the encrypted database, never as a file on disk.
      CREATE TABLE consent_scans (
        consent_id INTEGER PRIMARY KEY REFERENCES consents(id),
        mime_type TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size INTEGER NOT NULL CHECK (size > 0 AND size <= 10485760),
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        attached_by INTEGER NOT NULL REFERENCES users(id),
        attached_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER consent_scans_kept BEFORE UPDATE ON consent_scans
      BEGIN SELECT RAISE(ABORT, 'a consent scan is kept as attached'); END;
    `);
  },
};
