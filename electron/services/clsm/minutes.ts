// The minutes of a CLSM meeting, written in the app part by part (the introduction, the opening,
// each agenda point, the points discussed, the closing), previewed as a draft, then signed by the
// coordination (signing.ts) and kept as signed. No individual situation is discussed in these
// bodies; their minutes name the professionals, élus and partners who spoke, as seed 003 does.
import { AppError } from '../../errors';
import { clsmMinutesWithPlan, ClsmMinutesInput } from '../../pdf/clsm-minutes';
import { nowIso } from '../../shared/dates';
import { DocumentFile, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { letterheadOf } from '../settings/letterhead';
import type { MinutesPartInput } from './schema';
import { assertOpen, clsmMeetingDetail, ClsmMeetingDetail, clsmMeetingRow, invitationsOf, meetingHead, pointsOf, reviewsOf } from './views';

const COLUMNS = { intro: 'minutes_intro', opening: 'minutes_opening', discussed: 'minutes_discussed', closing: 'minutes_closing' } as const;

export function saveMinutesPart(ctx: ServiceContext, input: MinutesPartInput): ClsmMeetingDetail {
  const { db } = ctx;
  const row = assertOpen(db, input.meetingId);
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
  if (input.part === 'point') {
    const changed = db
      .prepare('UPDATE clsm_points SET minutes_text = ? WHERE id = ? AND meeting_id = ?')
      .run(input.text, input.pointId, input.meetingId).changes;
    if (changed === 0) throw new AppError('CLSM_POINT_NOT_FOUND');
  } else {
    db.prepare(`UPDATE clsm_meetings SET ${COLUMNS[input.part]} = ? WHERE id = ?`).run(input.text, input.meetingId);
  }
  db.prepare('UPDATE clsm_meetings SET updated_at = ? WHERE id = ?').run(nowIso(ctx.clock), input.meetingId);
  ctx.audit('clsm.saveMinutes', { type: 'clsmMeeting', id: input.meetingId }, `part=${input.part}`);
  return clsmMeetingDetail(db, input.meetingId);
}

/** What the minutes say, from the record: the one model of the draft and of the signed document. */
export function minutesContent(ctx: ServiceContext, meetingId: number): Omit<ClsmMinutesInput, 'draft' | 'letterhead'> {
  const row = clsmMeetingRow(ctx.db, meetingId);
  const invitations = invitationsOf(ctx.db, meetingId);
  const counted = (a: string) => invitations.filter((i) => i.attendance === a).length;
  return {
    meeting: meetingHead(row),
    points: pointsOf(ctx.db, meetingId).map((p) => ({ position: p.position, title: p.title, presenter: p.presenter, text: p.minutesText })),
    attendance: {
      present: counted('present'),
      represented: counted('represented'),
      excused: counted('excused'),
      absent: counted('absent'),
    },
    nextMeeting: row.next_meeting,
    intro: row.minutes_intro,
    opening: row.minutes_opening,
    closing: row.minutes_closing,
    discussed: row.minutes_discussed,
    reviews: reviewsOf(ctx.db, meetingId).map((r) => ({
      title: r.title,
      axis: r.axis,
      pilot: r.pilot,
      dueOn: r.dueOn,
      status: r.status,
      role: r.role,
    })),
    attachedDocuments: JSON.parse(row.attached_documents) as string[],
  };
}

/** The draft as it will be signed, marked « projet » on every page. */
export async function previewMinutes(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const row = clsmMeetingRow(ctx.db, input.meetingId);
  if (row.status === 'cancelled') throw new AppError('CLSM_MEETING_CANCELLED');
  const pdf = await clsmMinutesWithPlan({ ...minutesContent(ctx, input.meetingId), letterhead: letterheadOf(ctx.db), draft: true });
  ctx.audit('clsm.previewMinutes', { type: 'clsmMeeting', id: input.meetingId });
  return pdfFile(`compte-rendu-projet-${row.kind.replace(/_/g, '-')}-${row.held_on}.pdf`, pdf);
}
