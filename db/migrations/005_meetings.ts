import type { Migration } from './types';

// Meetings of the commission, their agenda, attendance, the members who left the room for an item
// (G5), the deliberation of each item and its actions. An item dropped by the gates (consent
// withdrawn, expired) stays with its reasons, so the coordinator sees why it left the agenda. A
// held meeting cannot be moved; a meeting is deleted only while planned and empty. The deliberation
// is written during the session and concluded (outcome) when the item is closed.
export const migration005: Migration = {
  version: 5,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL,
        starts_at TEXT NOT NULL CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        ends_at TEXT NOT NULL CHECK (ends_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        place TEXT NOT NULL,
        animateur_member_id INTEGER NOT NULL REFERENCES members(id),
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'convened', 'held', 'minutes_signed')),
        convened_at TEXT,
        held_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX meetings_day ON meetings(held_on);
      CREATE TRIGGER meetings_held_fixed BEFORE UPDATE ON meetings
      WHEN OLD.state IN ('held', 'minutes_signed') AND (NEW.held_on IS NOT OLD.held_on OR NEW.starts_at IS NOT OLD.starts_at
        OR NEW.ends_at IS NOT OLD.ends_at OR NEW.place IS NOT OLD.place)
      BEGIN SELECT RAISE(ABORT, 'a held meeting cannot be moved'); END;
      CREATE TRIGGER meetings_kept BEFORE DELETE ON meetings WHEN OLD.state <> 'planned'
      BEGIN SELECT RAISE(ABORT, 'only a planned meeting may be deleted'); END;

      CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        situation_id INTEGER NOT NULL REFERENCES situations(id),
        position INTEGER NOT NULL CHECK (position > 0),
        presenter_member_id INTEGER REFERENCES members(id),
        neutral_question TEXT NOT NULL,
        scheduled_from TEXT NOT NULL CHECK (scheduled_from IN ('ready', 'follow_up')),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'opened', 'deliberated', 'postponed', 'dropped')),
        dropped_reasons TEXT CHECK (dropped_reasons IS NULL OR json_valid(dropped_reasons)),
        dropped_at TEXT,
        person_presence TEXT CHECK (person_presence IN ('attended', 'represented', 'absent')),
        opened_at TEXT,
        created_at TEXT NOT NULL,
        CHECK ((status = 'dropped') = (dropped_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);
      CREATE INDEX agenda_items_situation ON agenda_items(situation_id);
      CREATE UNIQUE INDEX agenda_items_once ON agenda_items(meeting_id, situation_id) WHERE status <> 'dropped';

      CREATE TABLE agenda_item_invitees (
        item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id),
        PRIMARY KEY (item_id, member_id)
      ) STRICT;

      CREATE TABLE attendances (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        scope TEXT NOT NULL DEFAULT 'meeting' CHECK (scope IN ('meeting', 'items')),
        convened_at TEXT,
        status TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'present', 'excused', 'absent', 'represented')),
        substitute_member_id INTEGER REFERENCES members(id),
        arrival_item_id INTEGER REFERENCES agenda_items(id),
        departure_item_id INTEGER REFERENCES agenda_items(id),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, member_id),
        CHECK ((status = 'represented') = (substitute_member_id IS NOT NULL)),
        CHECK (substitute_member_id IS NOT member_id)
      ) STRICT;

      -- G5: a member asked to leave the room for one item, as the minutes will say.
      CREATE TABLE item_exits (
        item_id INTEGER NOT NULL REFERENCES agenda_items(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        reasons TEXT NOT NULL CHECK (json_valid(reasons)),
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (item_id, member_id)
      ) STRICT;

      CREATE TABLE deliberations (
        item_id INTEGER PRIMARY KEY REFERENCES agenda_items(id),
        synthesis TEXT NOT NULL,
        hypotheses TEXT NOT NULL DEFAULT '',
        response_typology TEXT NOT NULL CHECK (json_valid(response_typology) AND json_type(response_typology) = 'array'),
        proposals TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('follow_up', 'closed')),
        reexamine_on TEXT,
        returned_on TEXT,
        person_agreement TEXT CHECK (person_agreement IN ('agreed', 'refused')),
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((returned_on IS NULL) = (person_agreement IS NULL)),
        CHECK (outcome IS 'follow_up' OR reexamine_on IS NULL)
      ) STRICT;

      CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES agenda_items(id),
        what TEXT NOT NULL,
        owner_member_id INTEGER REFERENCES members(id),
        owner_structure_id INTEGER REFERENCES structures(id),
        due_on TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('done', 'not_possible', 'not_done')),
        reviewed_on TEXT,
        review_note TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((owner_member_id IS NULL) <> (owner_structure_id IS NULL)),
        CHECK ((outcome IS NULL) = (reviewed_on IS NULL))
      ) STRICT;
      CREATE INDEX actions_item ON actions(item_id);
      CREATE INDEX actions_due ON actions(due_on);
    `);
  },
};
