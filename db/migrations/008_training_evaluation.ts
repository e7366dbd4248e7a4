import type { Migration } from './types';

// Cross-training and the CLSM's life, which the evaluation counts (seed 000 §4.7.2, §4.8). A
// training session (atelier or stage croisé) is recorded when planned, then held or cancelled: «
// réalisés par rapport au prévisionnel » compares the two. Its participants are members of the
// directory or professionals from outside it (name, structure, sector). Questionnaire answers are
// anonymous: they carry the respondent's sector at most, never a participant. The CLSM's other
// meetings keep the structures that took part; the common tools, their kind and date.
export const migration008: Migration = {
  version: 8,
  name: 'training_evaluation',
  up(db) {
    const sectors = `'bailleur_social', 'cmp', 'ccas', 'mandataire_judiciaire', 'centre_moselle_solidarite',
      'medecin_generaliste', 'ddcs', 'association_usagers_aidants', 'autre'`;
    db.exec(`
      CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('workshop', 'placement')),
        theme TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        trainer TEXT NOT NULL DEFAULT '',
        host_structure_id INTEGER REFERENCES structures(id),
        duration_hours REAL NOT NULL CHECK (duration_hours > 0),
        status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_on >= starts_on)
      ) STRICT;
      CREATE INDEX training_sessions_by_day ON training_sessions(starts_on);

      CREATE TABLE training_participants (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('participant', 'guest')),
        member_id INTEGER REFERENCES members(id),
        -- A professional from outside the directory: their name, structure and sector as typed.
        name TEXT,
        structure_name TEXT,
        sector TEXT CHECK (sector IN (${sectors})),
        added_at TEXT NOT NULL,
        CHECK ((member_id IS NULL) = (name IS NOT NULL AND structure_name IS NOT NULL AND sector IS NOT NULL)),
        UNIQUE (session_id, member_id)
      ) STRICT;
      CREATE INDEX training_participants_by_session ON training_participants(session_id);

      CREATE TABLE training_questionnaires (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        sector TEXT CHECK (sector IN (${sectors})),
        satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        knowledge TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(knowledge) AND json_type(knowledge) = 'array'),
        coordination_improved INTEGER CHECK (coordination_improved IN (0, 1)),
        collaborations_developed INTEGER CHECK (collaborations_developed IN (0, 1)),
        comment TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_questionnaires_by_session ON training_questionnaires(session_id);

      CREATE TABLE clsm_meetings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('comite_technique', 'comite_pilotage', 'assemblee_pleniere', 'groupe_projet')),
        held_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
        subject TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clsm_meetings_by_day ON clsm_meetings(held_on);

      CREATE TABLE clsm_meeting_structures (
        meeting_id INTEGER NOT NULL REFERENCES clsm_meetings(id) ON DELETE CASCADE,
        structure_id INTEGER NOT NULL REFERENCES structures(id),
        PRIMARY KEY (meeting_id, structure_id)
      ) STRICT;

      CREATE TABLE common_tools (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('guide', 'fiche', 'procedure', 'autre')),
        title TEXT NOT NULL,
        produced_on TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
