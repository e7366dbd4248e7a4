// What is read of a CLSM meeting: its row, points, invitations with attendance, the plan's actions
// it decided or reviewed, its signed documents; assembled into the detail every write returns.
// Read-only: the write use cases import it, never the reverse.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { Civility } from '../../shared/french';
import type { ClsmAttendance, GuestCategory, PlanReviewRole, PlanStatus } from '../../shared/clsm-vocabulary';
import type { ClsmMeetingKind, ClsmMeetingStatus } from '../../shared/training-vocabulary';
import type { Sector } from '../../shared/vocabulary';
import type { SignerRecord } from '../minutes/signed-documents';
import { memberDisplayName } from '../partners/text';

export interface ClsmMeetingRow {
  id: number;
  kind: ClsmMeetingKind;
  held_on: string;
  starts_at: string;
  ends_at: string;
  place: string;
  status: ClsmMeetingStatus;
  subject: string;
  next_meeting: string;
  attached_documents: string;
  minutes_intro: string;
  minutes_opening: string;
  minutes_discussed: string;
  minutes_closing: string;
}

export function clsmMeetingRow(db: Db, id: number): ClsmMeetingRow {
  const row = db.prepare('SELECT * FROM clsm_meetings WHERE id = ?').get(id) as ClsmMeetingRow | undefined;
  if (!row) throw new AppError('CLSM_MEETING_NOT_FOUND');
  return row;
}

/** When, where and what: the head of every document of the meeting. */
export const meetingHead = (row: ClsmMeetingRow) => ({
  kind: row.kind,
  heldOn: row.held_on,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  place: row.place,
  subject: row.subject,
});

export const isSigned = (db: Db, meetingId: number): boolean =>
  db.prepare(`SELECT 1 FROM clsm_minutes_documents WHERE meeting_id = ? AND kind = 'minutes'`).get(meetingId) !== undefined;

/** A signed meeting is kept as signed (the triggers say so too): the service says it in French first. */
export function assertOpen(db: Db, meetingId: number): ClsmMeetingRow {
  const row = clsmMeetingRow(db, meetingId);
  if (isSigned(db, meetingId)) throw new AppError('CLSM_MEETING_LOCKED');
  return row;
}

export interface PointView {
  id: number;
  position: number;
  title: string;
  presenter: string;
  minutesText: string;
}

export function pointsOf(db: Db, meetingId: number): PointView[] {
  return (
    db
      .prepare('SELECT id, position, title, presenter, minutes_text FROM clsm_points WHERE meeting_id = ? ORDER BY position')
      .all(meetingId) as {
      id: number;
      position: number;
      title: string;
      presenter: string;
      minutes_text: string;
    }[]
  ).map((p) => ({ id: p.id, position: p.position, title: p.title, presenter: p.presenter, minutesText: p.minutes_text }));
}

export type InviteeKind = 'structure' | 'member' | 'guest';

export interface InvitationView {
  id: number;
  kind: InviteeKind;
  /** The structure's name, or the person's. */
  name: string;
  civility: Civility;
  /** A person's structure or organisation; empty for a structure. */
  organisation: string;
  /** A member's function or a guest's role. */
  role: string;
  /** The sector of the structure (a structure or a member's); null for a guest. */
  sector: Sector | null;
  /** A guest's category (élu, personne concernée…); null for the directory. */
  guestCategory: GuestCategory | null;
  attendance: ClsmAttendance;
  representedBy: string;
  convenedOn: string | null;
  hasEmail: boolean;
  structureId: number | null;
  memberId: number | null;
  guestId: number | null;
}

interface InvitationRow {
  id: number;
  structure_id: number | null;
  member_id: number | null;
  guest_id: number | null;
  attendance: ClsmAttendance;
  represented_by: string;
  convened_on: string | null;
  s_name: string | null;
  s_sector: Sector | null;
  m_first: string | null;
  m_last: string | null;
  m_civility: Civility | null;
  m_function: string | null;
  m_email: string | null;
  ms_name: string | null;
  ms_sector: Sector | null;
  g_first: string | null;
  g_last: string | null;
  g_civility: Civility | null;
  g_organisation: string | null;
  g_role: string | null;
  g_category: GuestCategory | null;
  g_email: string | null;
}

const INVITATIONS = `
  SELECT i.*, s.name AS s_name, s.sector AS s_sector,
    m.first_name AS m_first, m.last_name AS m_last, m.civility AS m_civility, m.function AS m_function, m.email AS m_email,
    ms.name AS ms_name, ms.sector AS ms_sector,
    g.first_name AS g_first, g.last_name AS g_last, g.civility AS g_civility, g.organisation AS g_organisation,
    g.role AS g_role, g.category AS g_category, g.email AS g_email
  FROM clsm_invitations i
    LEFT JOIN structures s ON s.id = i.structure_id
    LEFT JOIN members m ON m.id = i.member_id LEFT JOIN structures ms ON ms.id = m.structure_id
    LEFT JOIN clsm_guests g ON g.id = i.guest_id`;

function toInvitation(r: InvitationRow): InvitationView {
  const base = {
    id: r.id,
    attendance: r.attendance,
    representedBy: r.represented_by,
    convenedOn: r.convened_on,
    structureId: r.structure_id,
    memberId: r.member_id,
    guestId: r.guest_id,
  };
  if (r.structure_id !== null)
    return {
      ...base,
      kind: 'structure',
      name: r.s_name!,
      civility: 'unspecified',
      organisation: '',
      role: '',
      sector: r.s_sector,
      guestCategory: null,
      hasEmail: false,
    };
  if (r.member_id !== null)
    return {
      ...base,
      kind: 'member',
      name: memberDisplayName({ firstName: r.m_first!, lastName: r.m_last! }),
      civility: r.m_civility!,
      organisation: r.ms_name!,
      role: r.m_function!,
      sector: r.ms_sector,
      guestCategory: null,
      hasEmail: r.m_email!.trim() !== '',
    };
  return {
    ...base,
    kind: 'guest',
    name: memberDisplayName({ firstName: r.g_first!, lastName: r.g_last! }),
    civility: r.g_civility!,
    organisation: r.g_organisation!,
    role: r.g_role!,
    sector: null,
    guestCategory: r.g_category,
    hasEmail: r.g_email!.trim() !== '',
  };
}

const byName = (a: InvitationView, b: InvitationView) =>
  a.kind === b.kind
    ? a.name.localeCompare(b.name, 'fr')
    : ['structure', 'member', 'guest'].indexOf(a.kind) - ['structure', 'member', 'guest'].indexOf(b.kind);

export function invitationsOf(db: Db, meetingId: number): InvitationView[] {
  return (db.prepare(`${INVITATIONS} WHERE i.meeting_id = ?`).all(meetingId) as InvitationRow[]).map(toInvitation).sort(byName);
}

export function invitationRow(db: Db, invitationId: number): InvitationView & { meetingId: number } {
  const row = db.prepare(`${INVITATIONS} WHERE i.id = ?`).get(invitationId) as (InvitationRow & { meeting_id: number }) | undefined;
  if (!row) throw new AppError('CLSM_INVITATION_NOT_FOUND');
  return { ...toInvitation(row), meetingId: row.meeting_id };
}

/** An invitee's e-mail address ('' when none). */
export function invitationEmail(db: Db, invitationId: number): string {
  return (
    (db
      .prepare(
        `SELECT COALESCE(m.email, g.email, '') FROM clsm_invitations i LEFT JOIN members m ON m.id = i.member_id
         LEFT JOIN clsm_guests g ON g.id = i.guest_id WHERE i.id = ?`,
      )
      .pluck()
      .get(invitationId) as string | undefined) ?? ''
  ).trim();
}

export interface ReviewView {
  actionId: number;
  title: string;
  axis: string;
  status: PlanStatus;
  role: PlanReviewRole;
  pilot: string | null;
  dueOn: string;
}

export function reviewsOf(db: Db, meetingId: number): ReviewView[] {
  return db
    .prepare(
      `SELECT a.id AS actionId, a.title, x.title AS axis, a.status, r.role, s.name AS pilot, a.due_on AS dueOn
         FROM clsm_plan_reviews r JOIN clsm_plan_actions a ON a.id = r.action_id JOIN clsm_plan_axes x ON x.id = a.axis_id
           LEFT JOIN structures s ON s.id = a.pilot_structure_id
         WHERE r.meeting_id = ? ORDER BY x.position, a.title COLLATE NOCASE`,
    )
    .all(meetingId) as ReviewView[];
}

export interface ClsmSignedDocument {
  id: number;
  kind: 'minutes' | 'addendum';
  sequence: number;
  body: string | null;
  sha256: string;
  signers: SignerRecord[];
  signedAt: string;
}

export function signedDocumentsOf(db: Db, meetingId: number): ClsmSignedDocument[] {
  return (
    db
      .prepare(
        'SELECT id, kind, sequence, body, sha256, signers, signed_at FROM clsm_minutes_documents WHERE meeting_id = ? ORDER BY sequence',
      )
      .all(meetingId) as {
      id: number;
      kind: 'minutes' | 'addendum';
      sequence: number;
      body: string | null;
      sha256: string;
      signers: string;
      signed_at: string;
    }[]
  ).map((d) => ({
    id: d.id,
    kind: d.kind,
    sequence: d.sequence,
    body: d.body,
    sha256: d.sha256,
    signers: JSON.parse(d.signers) as SignerRecord[],
    signedAt: d.signed_at,
  }));
}

export interface ClsmMeetingDetail {
  id: number;
  kind: ClsmMeetingKind;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  status: ClsmMeetingStatus;
  subject: string;
  nextMeeting: string;
  attachedDocuments: string[];
  points: PointView[];
  invitations: InvitationView[];
  minutes: { intro: string; opening: string; discussed: string; closing: string };
  reviews: ReviewView[];
  signedDocuments: ClsmSignedDocument[];
  /** The minutes are signed: the record is kept as signed, corrections go in addenda. */
  locked: boolean;
}

export function clsmMeetingDetail(db: Db, meetingId: number): ClsmMeetingDetail {
  const row = clsmMeetingRow(db, meetingId);
  const signedDocuments = signedDocumentsOf(db, meetingId);
  return {
    id: row.id,
    kind: row.kind,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    status: row.status,
    subject: row.subject,
    nextMeeting: row.next_meeting,
    attachedDocuments: JSON.parse(row.attached_documents) as string[],
    points: pointsOf(db, meetingId),
    invitations: invitationsOf(db, meetingId),
    minutes: { intro: row.minutes_intro, opening: row.minutes_opening, discussed: row.minutes_discussed, closing: row.minutes_closing },
    reviews: reviewsOf(db, meetingId),
    signedDocuments,
    locked: signedDocuments.length > 0,
  };
}
