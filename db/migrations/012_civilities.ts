import type { Migration } from './types';

// The civility printed documents agree with (« Je soussignée », « Madame, »): recorded for users,
// members and the person, « unspecified » until someone says, in which case documents use forms
// that need no agreement.
export const migration012: Migration = {
  version: 12,
  name: 'civilities',
  up(db) {
    const civility = `civility TEXT NOT NULL DEFAULT 'unspecified' CHECK (civility IN ('madame', 'monsieur', 'unspecified'))`;
    db.exec(`
      ALTER TABLE users ADD COLUMN ${civility};
      ALTER TABLE members ADD COLUMN ${civility};
      ALTER TABLE situation_identities ADD COLUMN ${civility};
    `);
  },
};
