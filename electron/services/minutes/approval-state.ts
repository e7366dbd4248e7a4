// The animateur's approval of the minutes, as it stands (approval.ts records it): an act of the animateur, not a line the coordination
// prints in their name. The user with the animation role linked to the meeting's animateur (a
// member) approves the draft in the app — bound to the draft's digest, so an edit afterwards asks
// for a new approval — or signs with their certificate at signing time. Without either, the
// coordination may record why (absent, approved by mail or orally, with the date): that reason is
// printed in the signature block. Without any of these the minutes cannot be signed.
import { createHash } from 'node:crypto';
import { formatDay } from '../../shared/dates';
import type { MinutesInput } from '../../pdf/minutes';
import type { Db } from '../../../db/connection';

export const RECORDED_REASONS = {
  absent: 'animateur absent lors de la relecture',
  approved_by_mail: 'approuvé par courriel',
  approved_orally: 'approuvé oralement',
} as const;
export type RecordedReason = keyof typeof RECORDED_REASONS;
export const RECORDED_REASON_CODES = Object.keys(RECORDED_REASONS) as [RecordedReason, ...RecordedReason[]];

export type Approval =
  | { kind: 'approved'; byName: string; on: string; current: boolean }
  | { kind: 'recorded'; reason: RecordedReason; on: string; byName: string };

/**
 * The record as it stands, as one digest: what an approval is bound to. The letterhead and the
 * next meeting are left out: planning the next meeting does not change what was approved.
 */
export function recordDigest(input: Pick<MinutesInput, 'meeting' | 'participants' | 'items' | 'otherPoints'>): string {
  const record = { meeting: input.meeting, participants: input.participants, items: input.items, otherPoints: input.otherPoints };
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

interface ApprovalRow {
  kind: 'approved' | 'recorded';
  content_digest: string | null;
  reason: RecordedReason | null;
  reason_on: string | null;
  at: string;
  display_name: string;
}

function approvalRow(db: Db, meetingId: number): ApprovalRow | undefined {
  return db
    .prepare(
      `SELECT a.kind, a.content_digest, a.reason, a.reason_on, a.at, u.display_name
       FROM minutes_approvals a JOIN users u ON u.id = a.by_user_id WHERE a.meeting_id = ?`,
    )
    .get(meetingId) as ApprovalRow | undefined;
}

/** The approval on record, and whether an in-app approval still matches the draft. */
export function approvalOf(db: Db, meetingId: number, digest: string): Approval | null {
  const row = approvalRow(db, meetingId);
  if (!row) return null;
  const on = row.at.slice(0, 10);
  if (row.kind === 'recorded') return { kind: 'recorded', reason: row.reason!, on: row.reason_on!, byName: row.display_name };
  return { kind: 'approved', byName: row.display_name, on, current: row.content_digest === digest };
}

/** How the animateur's line of the signature block reads when they do not sign with a certificate. */
export function approvalLine(approval: Approval | null): string {
  if (!approval || (approval.kind === 'approved' && !approval.current)) return 'En attente de l’approbation de l’animateur.';
  if (approval.kind === 'approved') return `Projet approuvé dans l’application le ${formatDay(approval.on)}, sans signature électronique.`;
  return `Approbation non recueillie dans l’application : ${RECORDED_REASONS[approval.reason]} (le ${formatDay(approval.on)}), consigné par la coordination (${approval.byName}).`;
}
