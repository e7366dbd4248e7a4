import type { Migration } from './types';

// Drafts of the forms being typed (a referral, a consent, a deliberation…), kept per user in the
// encrypted database — never in browser storage, never in clear on disk — so that a lock, a reload
// or a navigation loses nothing. A draft about a situation names it, so that G9's erasure takes its
// drafts with it; a user's drafts go with the user.
export const migration014: Migration = {
  version: 14,
  name: 'form_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE form_drafts (
        user_id INTEGER NOT NULL REFERENCES users(id),
        form_key TEXT NOT NULL CHECK (length(form_key) BETWEEN 1 AND 100),
        situation_id INTEGER REFERENCES situations(id),
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, form_key)
      ) STRICT;
      CREATE INDEX form_drafts_situation ON form_drafts(situation_id) WHERE situation_id IS NOT NULL;
    `);
  },
};
