import type { Migration } from './types';

// Issue 23 (the law at every door). `convocation_prints` keeps, per convened member, the digest of
// the convocation last printed for them (what they were told: the agenda as they may see it, their
// presence): when the agenda changes, the meeting names whose convocation is now stale.
// `action_reassignments` records, append-only, each change of an action's owner after the minutes
// were signed — who, when, why — so that the next extract and the follow-up say so.
export const migration009: Migration = {
  version: 9,
  name: 'disclosure',
  up(db) {
    db.exec(`
      CREATE TABLE convocation_prints (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        digest TEXT NOT NULL CHECK (length(digest) = 64),
        printed_at TEXT NOT NULL,
        printed_by INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (meeting_id, member_id)
      ) STRICT;

      CREATE TABLE action_reassignments (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES actions(id),
        from_member_id INTEGER REFERENCES members(id),
        from_structure_id INTEGER REFERENCES structures(id),
        to_member_id INTEGER REFERENCES members(id),
        to_structure_id INTEGER REFERENCES structures(id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        reassigned_on TEXT NOT NULL,
        reassigned_by INTEGER NOT NULL REFERENCES users(id),
        reassigned_at TEXT NOT NULL,
        CHECK ((from_member_id IS NULL) <> (from_structure_id IS NULL)),
        CHECK ((to_member_id IS NULL) <> (to_structure_id IS NULL))
      ) STRICT;
      CREATE INDEX action_reassignments_action ON action_reassignments(action_id);
      CREATE TRIGGER action_reassignments_no_update BEFORE UPDATE ON action_reassignments
      BEGIN SELECT RAISE(ABORT, 'a reassignment is recorded once'); END;
      CREATE TRIGGER action_reassignments_no_delete BEFORE DELETE ON action_reassignments
      BEGIN SELECT RAISE(ABORT, 'a reassignment is recorded once'); END;
      -- Once the minutes are signed, an action's owner changes only through a recorded reassignment.
      CREATE TRIGGER actions_owner_signed BEFORE UPDATE OF owner_member_id, owner_structure_id ON actions
      WHEN (SELECT m.state FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.item_id) = 'minutes_signed'
        AND NOT EXISTS (SELECT 1 FROM action_reassignments r WHERE r.action_id = OLD.id
          AND r.to_member_id IS NEW.owner_member_id AND r.to_structure_id IS NEW.owner_structure_id
          AND r.id = (SELECT max(id) FROM action_reassignments WHERE action_id = OLD.id))
      BEGIN SELECT RAISE(ABORT, 'a signed action is reassigned with its reason'); END;
    `);
  },
};
