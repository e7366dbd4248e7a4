// G9: erasing a person's data from a closed situation. The identity row and the attached scans are
// deleted; every free text (referral, consent witness and representative, agenda question,
// deliberation, actions) is blanked. What the indicators count stays: the situation's row with its
// code, dates, age band, commune, referring structure, typology and closure reason; the consent's
// dates and scope; the agenda items, deliberations' response typology and outcome, actions' owners,
// dates and outcomes. Signed minutes are kept as signed: they name no person (G6). `secure_delete`
// (db/connection.ts) overwrites the freed bytes.
import type { Db } from '../../../db/connection';

export type PurgeBasis = 'retention' | 'withdrawal';

export function purgeSituation(db: Db, situationId: number, purge: { basis: PurgeBasis; day: string; at: string; userId: number }): void {
  // First: once recorded, the database lets the frozen texts be blanked (migration 007).
  db.prepare('INSERT INTO situation_purges (situation_id, basis, purged_on, purged_at, purged_by) VALUES (?, ?, ?, ?, ?)').run(
    situationId,
    purge.basis,
    purge.day,
    purge.at,
    purge.userId,
  );
  const items = 'SELECT id FROM agenda_items WHERE situation_id = @id';
  const statements = [
    'DELETE FROM situation_identities WHERE situation_id = @id',
    `UPDATE situations SET partners_involved = '', already_tried = '', question = '', closure_note = NULL,
       rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE '' END, updated_at = @at WHERE id = @id`,
    'DELETE FROM consent_scans WHERE consent_id IN (SELECT id FROM consents WHERE situation_id = @id)',
    `UPDATE consents SET witness = CASE WHEN witness IS NULL THEN NULL ELSE '' END, representative = NULL,
       representative_address = '', attendance_representative = NULL WHERE situation_id = @id`,
    `UPDATE agenda_items SET neutral_question = '' WHERE situation_id = @id`,
    `UPDATE deliberations SET synthesis = '', hypotheses = '', proposals = '' WHERE item_id IN (${items})`,
    `UPDATE actions SET what = '', person_wording = '', review_note = NULL WHERE item_id IN (${items})`,
    // A form's draft about this situation (a consent or a deliberation being typed) goes too.
    'DELETE FROM form_drafts WHERE situation_id = @id',
  ];
  for (const sql of statements) db.prepare(sql).run({ id: situationId, at: purge.at });
}

export function isPurged(db: Db, situationId: number): { basis: PurgeBasis; purgedOn: string } | null {
  const row = db.prepare('SELECT basis, purged_on AS purgedOn FROM situation_purges WHERE situation_id = ?').get(situationId) as
    { basis: PurgeBasis; purgedOn: string } | undefined;
  return row ?? null;
}
