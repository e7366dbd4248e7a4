// G9 for signed minutes (the charter, art. 6): a meeting's signed minutes and addenda are kept as
// long as the follow-up of the situations they carry needs them — until the last of them is closed
// or erased, plus a period (setting, two years by default). Then they are proposed for destruction:
// the coordinator confirms with their password; the documents' digests and the audit trail's head
// are recorded (and written to the trail), and the signed PDFs are emptied (migration 010).
import type { Db } from '../../../db/connection';
import { addMonths, Day, nowIso } from '../../shared/dates';
import { auditHeadMark, formatAnchor } from '../audit/verify';
import type { ServiceContext } from '../context';

export interface MinutesCandidate {
  meetingId: number;
  heldOn: Day;
  /** Signed documents: the minutes and their addenda. */
  documents: number;
  /** The day the last situation they carry was closed or erased. */
  followUpEndedOn: Day;
  dueOn: Day;
}

interface Row {
  meeting_id: number;
  held_on: string;
  documents: number;
  open_situations: number;
  ended_on: string | null;
}

/** Signed minutes whose follow-up ended more than `months` ago, not destroyed yet. */
export function minutesCandidates(db: Db, today: Day, months: number): MinutesCandidate[] {
  const rows = db
    .prepare(
      `SELECT m.id AS meeting_id, m.held_on,
         (SELECT count(*) FROM minutes_documents d WHERE d.meeting_id = m.id) AS documents,
         (SELECT count(*) FROM agenda_items i JOIN situations s ON s.id = i.situation_id
            WHERE i.meeting_id = m.id AND i.status IN ('deliberated', 'postponed')
              AND s.state <> 'closed' AND s.state <> 'rejected'
              AND NOT EXISTS (SELECT 1 FROM situation_purges p WHERE p.situation_id = s.id)) AS open_situations,
         (SELECT max(coalesce((SELECT purged_on FROM situation_purges p WHERE p.situation_id = s.id), s.closed_on, m.held_on))
            FROM agenda_items i JOIN situations s ON s.id = i.situation_id
            WHERE i.meeting_id = m.id AND i.status IN ('deliberated', 'postponed')) AS ended_on
       FROM meetings m
       WHERE m.state = 'minutes_signed' AND NOT EXISTS (SELECT 1 FROM minutes_destructions x WHERE x.meeting_id = m.id)
       ORDER BY m.held_on`,
    )
    .all() as Row[];
  return rows.flatMap((row) => {
    if (row.open_situations > 0) return [];
    const followUpEndedOn = row.ended_on ?? row.held_on;
    const dueOn = addMonths(followUpEndedOn, months);
    return dueOn <= today ? [{ meetingId: row.meeting_id, heldOn: row.held_on, documents: row.documents, followUpEndedOn, dueOn }] : [];
  });
}

/** Destroyed minutes: when, with the digests of what was destroyed. */
export function minutesDestruction(
  db: Db,
  meetingId: number,
): { destroyedOn: Day; documents: { sequence: number; sha256: string }[] } | null {
  const row = db.prepare('SELECT destroyed_on, documents FROM minutes_destructions WHERE meeting_id = ?').get(meetingId) as
    { destroyed_on: string; documents: string } | undefined;
  return row ? { destroyedOn: row.destroyed_on, documents: JSON.parse(row.documents) as { sequence: number; sha256: string }[] } : null;
}

/** Records the destruction (digests, audit head), then empties the signed documents. Inside the caller's transaction. */
export function destroyMinutes(ctx: ServiceContext, meetingId: number): void {
  const documents = ctx.db
    .prepare('SELECT sequence, sha256 FROM minutes_documents WHERE meeting_id = ? ORDER BY sequence')
    .all(meetingId) as { sequence: number; sha256: string }[];
  const head = formatAnchor(auditHeadMark(ctx.db));
  ctx.db
    .prepare(
      'INSERT INTO minutes_destructions (meeting_id, documents, audit_head, destroyed_on, destroyed_at, destroyed_by) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(meetingId, JSON.stringify(documents), head, ctx.today, nowIso(ctx.clock), ctx.actor.userId);
  ctx.db
    .prepare(`UPDATE minutes_documents SET pdf = X'', body = CASE WHEN body IS NULL THEN NULL ELSE '' END WHERE meeting_id = ?`)
    .run(meetingId);
  // The trail keeps what was destroyed: the head the destruction followed, then each document's digest.
  const meeting = { type: 'meeting', id: meetingId } as const;
  ctx.audit('retention.destroyMinutes', meeting, `documents=${documents.length},head=${head}`);
  for (const d of documents) ctx.audit('retention.destroyMinutes', meeting, `sequence=${d.sequence},sha256=${d.sha256}`);
}
