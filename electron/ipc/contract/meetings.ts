// Meetings: planning, the agenda under the gates, convocations and the meeting's documents, the
// session (attendance, G5 exits, deliberation), and the follow-up of actions. Case content: the
// coordinator and the animateur read it; the coordinator writes it.
import { noInput, paging } from '../../services/common/schema';
import type { Page } from '../../services/partners/structures';
import type { OwnerChoices } from '../../services/meetings/action-owners';
import type { ActionView, StaleFollowUp } from '../../services/meetings/actions';
import type { AgendaCandidate, AgendaItemView } from '../../services/meetings/agenda';
import type { AttendanceView } from '../../services/meetings/attendance';
import type { ConvocationStatus } from '../../services/meetings/convocations';
import type { MeetingsDashboard } from '../../services/meetings/dashboard';
import type { BoardPage } from '../../services/meetings/action-board';
import type { ConvocationDrafts } from '../../services/meetings/mail';
import type { MeetingDetail, MeetingSummary } from '../../services/meetings/meetings';
import {
  actionInput,
  addItemInput,
  attendanceInput,
  boardInput,
  boardPageInput,
  concludeInput,
  conveneInput,
  convocationInput,
  convocationsInput,
  deliberationInput,
  exitInput,
  itemIdInput,
  meetingIdInput,
  meetingInput,
  moveItemInput,
  reassignInput,
  returnInput,
  reviewInput,
  personWordingInput,
  updateItemInput,
} from '../../services/meetings/schema';
import type { ItemSession } from '../../services/meetings/session';
import { z } from 'zod';
import { channel, DocumentFile, InputSpec, returns } from './shared';
import { CASE_KEEPER, CASE_READERS } from './situations';

const read = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: CASE_READERS, effect: 'read', output });
const write = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: CASE_KEEPER, effect: 'write', output });

export const meetingsChannels = {
  'meetings.list': read(noInput, returns<MeetingSummary[]>()),
  'meetings.page': read(z.object(paging).strict(), returns<Page<MeetingSummary>>()),
  'meetings.get': read(meetingIdInput, returns<MeetingDetail>()),
  'meetings.dashboard': read(noInput, returns<MeetingsDashboard>()),
  'meetings.candidates': read(meetingIdInput, returns<AgendaCandidate[]>()),
  'meetings.save': write(meetingInput, returns<MeetingDetail>()),
  'meetings.delete': write(meetingIdInput, returns<{ deleted: true }>()),
  'meetings.addItem': write(addItemInput, returns<AgendaItemView>()),
  'meetings.updateItem': write(updateItemInput, returns<AgendaItemView>()),
  'meetings.moveItem': write(moveItemInput, returns<AgendaItemView[]>()),
  'meetings.removeItem': write(itemIdInput, returns<{ removed: true }>()),
  'meetings.convene': write(conveneInput, returns<{ convened: number }>()),
  'meetings.attendance': write(attendanceInput, returns<AttendanceView[]>()),
  'meetings.item': read(itemIdInput, returns<ItemSession>()),
  'meetings.openItem': write(itemIdInput, returns<ItemSession>()),
  'meetings.exits': write(exitInput, returns<ItemSession>()),
  'meetings.postponeItem': write(itemIdInput, returns<ItemSession>()),
  'meetings.deliberate': write(deliberationInput, returns<ItemSession>()),
  'meetings.concludeItem': write(concludeInput, returns<ItemSession>()),
  'meetings.markHeld': write(meetingIdInput, returns<{ state: 'held' }>()),
  'meetings.convocation': read(convocationInput, returns<DocumentFile>()),
  'meetings.convocations': read(convocationsInput, returns<DocumentFile>()),
  // Drafts written to the chosen folder: a keeper's act, like printing the convocations.
  'meetings.mailConvocations': channel({
    input: meetingIdInput,
    access: CASE_KEEPER,
    effect: 'read',
    output: returns<ConvocationDrafts>(),
  }),
  'meetings.convocationStatus': read(meetingIdInput, returns<ConvocationStatus[]>()),
  'meetings.agenda': read(meetingIdInput, returns<DocumentFile>()),
  'meetings.signInSheet': read(meetingIdInput, returns<DocumentFile>()),
  'meetings.calendar': read(meetingIdInput, returns<DocumentFile>()),
  'meetings.minutesDraft': read(meetingIdInput, returns<DocumentFile>()),
};

export const actionsChannels = {
  'actions.board': read(boardInput, returns<ActionView[]>()),
  'actions.page': read(boardPageInput, returns<BoardPage>()),
  'actions.add': write(actionInput, returns<ActionView[]>()),
  'actions.remove': write(z.object({ actionId: z.number().int().positive() }).strict(), returns<ActionView[]>()),
  'actions.owners': read(itemIdInput, returns<OwnerChoices>()),
  'actions.reassign': write(reassignInput, returns<ActionView[]>()),
  'actions.returnToPerson': write(returnInput, returns<ActionView[]>()),
  'actions.review': write(reviewInput, returns<ActionView[]>()),
  'actions.personWording': write(personWordingInput, returns<ActionView[]>()),
};

export type {
  ActionView,
  AgendaCandidate,
  AgendaItemView,
  AttendanceView,
  ItemSession,
  MeetingDetail,
  MeetingsDashboard,
  BoardPage,
  MeetingSummary,
  OwnerChoices,
  ConvocationStatus,
  ConvocationDrafts,
  StaleFollowUp,
};
