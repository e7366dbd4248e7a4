import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Db, openEncryptedDatabase } from '../../db/connection';
import { tempDir } from './vault';

/** A new encrypted database in a temp folder, with its path and key for reopening. */
export function freshEncryptedDb(): { db: Db; path: string; key: Buffer } {
  const path = join(tempDir(), 'test.db');
  const key = randomBytes(32);
  return { db: openEncryptedDatabase(path, key, { create: true }), path, key };
}

/**
 * The rows a schema test needs under a situation: the coordinator's account (1), a structure (1),
 * its member (1) and one situation (1), written straight into a migrated database.
 */
export function seedSituation(handle: Db, now: string): void {
  handle.prepare(`INSERT INTO users (id, login, display_name, role, created_at) VALUES (1, 'f.marchal', 'F M', 'coordinator', ?)`).run(now);
  handle
    .prepare(`INSERT INTO structures (id, name, sector, created_at, updated_at) VALUES (1, 'CCAS de Woippy', 'ccas', ?, ?)`)
    .run(now, now);
  handle
    .prepare(
      `INSERT INTO members (id, structure_id, last_name, first_name, category, membership, created_at, updated_at) VALUES (1, 1, 'Klein', 'Anne', 'travailleur_social', 'permanent', ?, ?)`,
    )
    .run(now, now);
  handle
    .prepare(
      `INSERT INTO situations (id, code, received_on, referring_member_id, referring_structure_id, age_band, commune, question, created_by, created_at, updated_at)
       VALUES (1, 'S-2026-001', '2026-03-02', 1, 1, '36_45', 'Woippy', 'Quel relais ?', 1, ?, ?)`,
    )
    .run(now, now);
}

/** Under `seedSituation`'s rows: a held meeting (1) whose item (1) about the situation was deliberated. */
export function seedDeliberatedItem(handle: Db, now: string, heldOn = '2026-04-02'): void {
  seedSituation(handle, now);
  handle
    .prepare(
      `INSERT INTO meetings (id, held_on, starts_at, ends_at, place, animateur_member_id, state, created_by, created_at, updated_at)
       VALUES (1, ?, '14:00', '17:30', 'CH de Jury', 1, 'held', 1, ?, ?)`,
    )
    .run(heldOn, now, now);
  handle
    .prepare(
      `INSERT INTO agenda_items (id, meeting_id, situation_id, position, neutral_question, scheduled_from, status, created_at)
       VALUES (1, 1, 1, 1, 'Quel relais ?', 'ready', 'deliberated', ?)`,
    )
    .run(now);
  handle
    .prepare(
      `INSERT INTO deliberations (item_id, synthesis, response_typology, proposals, recorded_by, recorded_at, updated_at)
       VALUES (1, 'Synthèse', '[]', 'Propositions', 1, ?, ?)`,
    )
    .run(now, now);
}
