import type { Migration } from './types';

// The person answers each proposal: accepted, refused, or to be discussed again (issue 26). The
// answer was one for the whole item; each action now carries its own, the item keeps the day of
// the return. Existing actions take their item's answer.
export const migration015: Migration = {
  version: 15,
  name: 'action_agreements',
  up(db) {
    db.exec(`
      ALTER TABLE actions ADD COLUMN person_agreement TEXT CHECK (person_agreement IN ('agreed', 'refused', 'discuss'));
      UPDATE actions SET person_agreement = (SELECT d.person_agreement FROM deliberations d WHERE d.item_id = actions.item_id);
    `);
  },
};
