import type { Migration } from './types';

// The CLSM's own bodies (issue 27): a meeting gains its time, place, agenda points with their
// presenter, the invitations (a structure, a member of the directory, or a guest from outside it —
// an élu, an association, a person with lived experience) with their attendance, the minutes' texts
// and, once signed, its immutable signed documents. The action plan: axes (seed 004's three at
// first), actions with their pilot structure, dates and status, and the meetings that decided or
// reviewed them. The structures recorded « present » so far become invitations marked present.
// Once a meeting's minutes are signed, triggers keep its record as signed.
const CIVILITY = `civility TEXT NOT NULL DEFAULT 'unspecified' CHECK (civility IN ('madame', 'monsieur', 'unspecified'))`;
const SIGNED = (meeting: string) => `EXISTS (SELECT 1 FROM clsm_minutes_documents d WHERE d.meeting_id = ${meeting})`;
const LOCKED = `BEGIN SELECT RAISE(ABORT, 'signed minutes are locked'); END`;

/** Seed 004's three axes, frozen here. */
const AXES = ['Inclusion dans la cité', 'Amélioration des parcours', 'Coordination entre les acteurs'];

export const migration016: Migration = {
  version: 16,
  name: 'clsm_bodies',
  up(db, { now }) {
    db.exec(`
      ALTER TABLE clsm_meetings ADD COLUMN starts_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN ends_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN next_meeting TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN attached_documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attached_documents));
      ALTER TABLE clsm_meetings ADD COLUMN minutes_intro TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN minutes_opening TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN minutes_discussed TEXT NOT NULL DEFAULT '';
      ALTER TABLE clsm_meetings ADD COLUMN minutes_closing TEXT NOT NULL DEFAULT '';

      CREATE TABLE clsm_guests (
        id INTEGER PRIMARY KEY,
        ${CIVILITY},
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('elu', 'personne_concernee', 'aidant', 'association', 'citoyen', 'institution', 'professionnel')),
        email TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE clsm_invitations (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES clsm_meetings(id) ON DELETE CASCADE,
        structure_id INTEGER REFERENCES structures(id),
        member_id INTEGER REFERENCES members(id),
        guest_id INTEGER REFERENCES clsm_guests(id),
        attendance TEXT NOT NULL DEFAULT 'invited' CHECK (attendance IN ('invited', 'present', 'represented', 'excused', 'absent')),
        represented_by TEXT NOT NULL DEFAULT '',
        convened_on TEXT,
        CHECK ((structure_id IS NOT NULL) + (member_id IS NOT NULL) + (guest_id IS NOT NULL) = 1),
        CHECK (attendance = 'represented' OR represented_by = ''),
        UNIQUE (meeting_id, structure_id),
        UNIQUE (meeting_id, member_id),
        UNIQUE (meeting_id, guest_id)
      ) STRICT;
      CREATE INDEX clsm_invitations_by_guest ON clsm_invitations(guest_id) WHERE guest_id IS NOT NULL;
      CREATE INDEX clsm_invitations_by_member ON clsm_invitations(member_id) WHERE member_id IS NOT NULL;

      INSERT INTO clsm_invitations (meeting_id, structure_id, attendance)
        SELECT ms.meeting_id, ms.structure_id, CASE m.status WHEN 'held' THEN 'present' ELSE 'invited' END
        FROM clsm_meeting_structures ms JOIN clsm_meetings m ON m.id = ms.meeting_id;
      DROP TABLE clsm_meeting_structures;

      CREATE TABLE clsm_points (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES clsm_meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position > 0),
        title TEXT NOT NULL,
        presenter TEXT NOT NULL DEFAULT '',
        minutes_text TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX clsm_points_by_meeting ON clsm_points(meeting_id, position);

      CREATE TABLE clsm_minutes_documents (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES clsm_meetings(id),
        sequence INTEGER NOT NULL CHECK (sequence >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('minutes', 'addendum')),
        body TEXT,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signers TEXT NOT NULL CHECK (json_valid(signers)),
        signed_by INTEGER NOT NULL REFERENCES users(id),
        signed_at TEXT NOT NULL,
        CHECK ((sequence = 0) = (kind = 'minutes')),
        UNIQUE (meeting_id, sequence)
      ) STRICT;
      CREATE TRIGGER clsm_minutes_documents_no_update BEFORE UPDATE ON clsm_minutes_documents ${LOCKED};
      CREATE TRIGGER clsm_minutes_documents_no_delete BEFORE DELETE ON clsm_minutes_documents ${LOCKED};

      CREATE TABLE clsm_plan_axes (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE clsm_plan_actions (
        id INTEGER PRIMARY KEY,
        axis_id INTEGER NOT NULL REFERENCES clsm_plan_axes(id),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        pilot_structure_id INTEGER REFERENCES structures(id),
        starts_on TEXT NOT NULL,
        due_on TEXT NOT NULL CHECK (due_on >= starts_on),
        status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned')),
        finished_on TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status IN ('done', 'abandoned')) = (finished_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX clsm_plan_actions_by_due ON clsm_plan_actions(due_on);

      CREATE TABLE clsm_plan_reviews (
        action_id INTEGER NOT NULL REFERENCES clsm_plan_actions(id) ON DELETE CASCADE,
        meeting_id INTEGER NOT NULL REFERENCES clsm_meetings(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('decided', 'reviewed')),
        PRIMARY KEY (action_id, meeting_id)
      ) STRICT;
      CREATE INDEX clsm_plan_reviews_by_meeting ON clsm_plan_reviews(meeting_id);

      CREATE TRIGGER clsm_meetings_locked BEFORE UPDATE ON clsm_meetings WHEN ${SIGNED('OLD.id')} ${LOCKED};
      CREATE TRIGGER clsm_meetings_no_delete_signed BEFORE DELETE ON clsm_meetings WHEN ${SIGNED('OLD.id')} ${LOCKED};
      CREATE TRIGGER clsm_points_locked_insert BEFORE INSERT ON clsm_points WHEN ${SIGNED('NEW.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_points_locked_update BEFORE UPDATE ON clsm_points WHEN ${SIGNED('OLD.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_points_locked_delete BEFORE DELETE ON clsm_points WHEN ${SIGNED('OLD.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_invitations_locked_insert BEFORE INSERT ON clsm_invitations WHEN ${SIGNED('NEW.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_invitations_locked_update BEFORE UPDATE OF attendance, represented_by ON clsm_invitations
        WHEN ${SIGNED('OLD.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_invitations_locked_delete BEFORE DELETE ON clsm_invitations WHEN ${SIGNED('OLD.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_plan_reviews_locked_insert BEFORE INSERT ON clsm_plan_reviews WHEN ${SIGNED('NEW.meeting_id')} ${LOCKED};
      CREATE TRIGGER clsm_plan_reviews_locked_delete BEFORE DELETE ON clsm_plan_reviews WHEN ${SIGNED('OLD.meeting_id')} ${LOCKED};
    `);
    const axis = db.prepare('INSERT INTO clsm_plan_axes (title, position, created_at, updated_at) VALUES (?, ?, ?, ?)');
    AXES.forEach((title, index) => axis.run(title, index + 1, now, now));
  },
};
