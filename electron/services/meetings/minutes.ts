// The compte rendu's content, read from the held meeting: attendance, then each examined or
// postponed item with its deliberation, actions and the members who left the room (G5). Names of
// professionals only; situations by code (G6). The draft is previewed before signing (issue 11
// adds the signature and the lock).
import { AppError } from '../../errors';
import { letterheadOf } from '../settings/letterhead';
import { formatDay } from '../../shared/dates';
import { MinutesInput, MinutesItem, minutesPdf } from '../../pdf/minutes';
import { DocumentFile, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { actionsOfItem } from './actions';
import { meetingFacts } from './documents';
import { meetingDetail } from './meetings';
import { sessionOf } from './session';
import { listCharterVersions } from '../charter/charter';
import { approvalLine, approvalOf, recordDigest } from '../minutes/approval-state';

export function minutesInput(ctx: ServiceContext, meetingId: number, draft: boolean): MinutesInput {
  const meeting = meetingDetail(ctx, meetingId);
  if (meeting.state === 'planned' || meeting.state === 'convened') throw new AppError('MEETING_NOT_HELD');
  const named = (a: (typeof meeting.attendance)[number]) => `${a.displayName} (${a.structureName})`;
  const items: MinutesItem[] = meeting.items
    .filter((i) => i.status === 'deliberated' || i.status === 'postponed')
    .map((i) => {
      const session = sessionOf(ctx, i.id);
      const d = session.deliberation;
      return {
        itemId: i.id,
        situationId: i.situationId,
        position: i.position,
        code: i.code,
        structureName: i.structureName,
        neutralQuestion: i.neutralQuestion,
        status: i.status as 'deliberated' | 'postponed',
        synthesis: d?.synthesis ?? '',
        hypotheses: d?.hypotheses ?? '',
        responseTypology: d?.responseTypology ?? [],
        proposals: d?.proposals ?? '',
        personPresence: i.personPresence,
        actions: actionsOfItem(ctx, i.id).map((a) => ({
          what: a.what,
          owner:
            (a.owner.kind === 'member' ? `${a.owner.name} (${a.owner.structureName})` : a.owner.name) +
            (a.reassigned ? ` — réattribuée le ${formatDay(a.reassigned.on)} : ${a.reassigned.reason}` : ''),
          dueOn: a.dueOn,
        })),
        exits: session.exits.map((e) => ({ displayName: e.displayName, structureName: e.structureName })),
        outcome: d?.outcome ?? null,
        reexamineOn: d?.reexamineOn ?? null,
      };
    });
  const next = ctx.db
    .prepare(
      `SELECT held_on AS heldOn, place FROM meetings WHERE held_on > ? AND state IN ('planned', 'convened') ORDER BY held_on LIMIT 1`,
    )
    .get(meeting.heldOn) as { heldOn: string; place: string } | undefined;
  // Without a planned meeting, the earliest re-examination this meeting set tells when to meet.
  const reexamineOn = items
    .map((i) => i.reexamineOn)
    .filter((d): d is string => d !== null && d > meeting.heldOn)
    .sort()[0];
  const charter = listCharterVersions(ctx.db)
    .filter((v) => v.adoptedOn !== null && v.adoptedOn <= meeting.heldOn)
    .sort((a, b) => b.version - a.version)[0];
  const otherPoints = ctx.db.prepare('SELECT other_points FROM meetings WHERE id = ?').pluck().get(meetingId) as string;
  return {
    letterhead: letterheadOf(ctx.db),
    meeting: meetingFacts(meeting),
    participants: {
      present: meeting.attendance.filter((a) => a.status === 'present').map(named),
      represented: meeting.attendance
        .filter((a) => a.status === 'represented')
        .map((a) => `${named(a)}, par ${a.substitute!.displayName} (${a.substitute!.structureName})`),
      excused: meeting.attendance.filter((a) => a.status === 'excused').map(named),
      absent: meeting.attendance.filter((a) => a.status === 'absent').map(named),
    },
    items,
    nextMeeting: next ?? (reexamineOn ? { reexamineOn } : null),
    charter: charter ? { version: charter.version, adoptedOn: charter.adoptedOn! } : null,
    otherPoints,
    draft,
  };
}

/** The draft minutes, to read before signing; printed like any document (G8). */
export async function previewMinutes(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const content = minutesInput(ctx, input.meetingId, true);
  const pendingApproval = approvalLine(approvalOf(ctx.db, input.meetingId, recordDigest(content)));
  const pdf = await minutesPdf({ ...content, pendingApproval });
  ctx.audit('meetings.minutesDraft', { type: 'meeting', id: input.meetingId });
  return pdfFile(`compte-rendu-projet-${content.meeting.heldOn}.pdf`, pdf);
}
