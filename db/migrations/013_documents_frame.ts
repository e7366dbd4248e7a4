import type { Migration } from './types';

// What the documents a hospital sends need beyond the record of the session:
// - the legal representative's postal address (their copy of the letter goes in a window envelope);
// - each action's wording for the person, printed in the letter instead of the professional one;
// - the minutes' « points discutés » outside the situations (fixed once the minutes are signed);
// - the link between an animation user and the member who animates (the approval is theirs);
// - the animateur's approval of the draft, or the coordination's record of why there is none.
export const migration013: Migration = {
  version: 13,
  name: 'documents_frame',
  up(db) {
    db.exec(`
      ALTER TABLE consents ADD COLUMN representative_address TEXT NOT NULL DEFAULT '';
      ALTER TABLE actions ADD COLUMN person_wording TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN other_points TEXT NOT NULL DEFAULT '';
      CREATE TRIGGER meetings_other_points_signed BEFORE UPDATE OF other_points ON meetings
      WHEN OLD.state = 'minutes_signed' AND NEW.other_points IS NOT OLD.other_points
      BEGIN SELECT RAISE(ABORT, 'signed minutes cannot change'); END;

      ALTER TABLE users ADD COLUMN member_id INTEGER REFERENCES members(id);
      CREATE UNIQUE INDEX users_member ON users(member_id) WHERE member_id IS NOT NULL;

      CREATE TABLE minutes_approvals (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
        kind TEXT NOT NULL CHECK (kind IN ('approved', 'recorded')),
        -- approved: the animateur's own act on this digest of the draft; recorded: the coordination's note.
        content_digest TEXT,
        reason TEXT CHECK (reason IN ('absent', 'approved_by_mail', 'approved_orally')),
        reason_on TEXT,
        by_user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        CHECK ((kind = 'approved') = (content_digest IS NOT NULL)),
        CHECK ((kind = 'recorded') = (reason IS NOT NULL AND reason_on IS NOT NULL))
      ) STRICT;
      CREATE TRIGGER minutes_approvals_signed BEFORE DELETE ON minutes_approvals
      WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'minutes_signed'
      BEGIN SELECT RAISE(ABORT, 'signed minutes cannot change'); END;
      CREATE TRIGGER minutes_approvals_fixed BEFORE UPDATE ON minutes_approvals
      WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'minutes_signed'
      BEGIN SELECT RAISE(ABORT, 'signed minutes cannot change'); END;
    `);
  },
};
