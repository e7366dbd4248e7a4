import { searchText } from '../../electron/shared/search-text';
import type { Db } from '../connection';
import type { Migration } from './types';

// Lists that stay instant after ten years (issue 28). Names are searched in SQL through a stored
// `search_text` (a member's search also reads its structure's `name_search`; accents, case and punctuation folded by the app when it writes the row: SQLite
// cannot fold accents itself), so a page reads 50 rows, never the whole table. The journal's
// filters get their indexes: a domain (`users`) is a column of its own, computed by SQLite from
// the action, so filtering by domain is an index range and never a `LIKE` over a million events.
export const migration017: Migration = {
  version: 17,
  name: 'search_indexes',
  up(db) {
    db.exec(`
      ALTER TABLE situation_identities ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE structures ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE structures ADD COLUMN name_search TEXT NOT NULL DEFAULT '';

      ALTER TABLE audit_events ADD COLUMN domain TEXT GENERATED ALWAYS AS (substr(action, 1, instr(action || '.', '.') - 1)) VIRTUAL;
      CREATE INDEX audit_events_action ON audit_events(action, id);
      CREATE INDEX audit_events_domain ON audit_events(domain, id);
      CREATE INDEX audit_events_outcome ON audit_events(outcome, id);

      CREATE INDEX situations_listed ON situations(received_on DESC, id DESC);
      CREATE INDEX situations_state_listed ON situations(state, received_on DESC, id DESC);
      CREATE INDEX actions_open ON actions(due_on, id) WHERE outcome IS NULL;
    `);
    backfill(db);
  },
};

function backfill(db: Db): void {
  const identities = db.prepare('SELECT situation_id AS id, first_name AS f, last_name AS l FROM situation_identities').all() as {
    id: number;
    f: string;
    l: string;
  }[];
  const setIdentity = db.prepare('UPDATE situation_identities SET search_text = ? WHERE situation_id = ?');
  for (const r of identities) setIdentity.run(searchText(r.f, r.l), r.id);
  const members = db.prepare('SELECT id, first_name AS f, last_name AS l, function AS fn, email FROM members').all() as {
    id: number;
    f: string;
    l: string;
    fn: string;
    email: string;
  }[];
  const setMember = db.prepare('UPDATE members SET search_text = ? WHERE id = ?');
  for (const r of members) setMember.run(searchText(r.f, r.l, r.fn, r.email), r.id);
  const structures = db.prepare('SELECT id, name, address, convention_signatory AS signatory FROM structures').all() as {
    id: number;
    name: string;
    address: string;
    signatory: string | null;
  }[];
  const setStructure = db.prepare('UPDATE structures SET search_text = ?, name_search = ? WHERE id = ?');
  for (const r of structures) setStructure.run(searchText(r.name, r.address, r.signatory), searchText(r.name), r.id);
}
