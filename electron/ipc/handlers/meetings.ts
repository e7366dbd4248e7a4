import { ownerChoices } from '../../services/meetings/action-owners';
import {
  actionsBoard,
  addAction,
  reassignAction,
  recordReturn,
  removeAction,
  reviewAction,
  setPersonWording,
} from '../../services/meetings/actions';
import { addItem, agendaCandidates, moveItem, removeItem, updateItem } from '../../services/meetings/agenda';
import { convene, setAttendance } from '../../services/meetings/attendance';
import { meetingsDashboard } from '../../services/meetings/dashboard';
import {
  meetingCalendar,
  printAgenda,
  printConvocation,
  printConvocations,
  printSignInSheet,
  convocationStatusOf,
} from '../../services/meetings/documents';
import { mailConvocations } from '../../services/meetings/mail';
import { previewMinutes } from '../../services/meetings/minutes';
import { deleteMeeting, listMeetings, pageMeetings, saveMeeting, viewMeeting } from '../../services/meetings/meetings';
import {
  concludeItem,
  itemSession,
  markHeld,
  openItem,
  postponeItem,
  recordExits,
  saveDeliberation,
} from '../../services/meetings/session';
import type { DomainHandlers } from '../dispatcher';
import { pageActions } from '../../services/meetings/action-board';

export const meetingsHandlers: DomainHandlers<'meetings'> = {
  'meetings.list': (ctx) => listMeetings(ctx),
  'meetings.page': pageMeetings,
  'meetings.get': viewMeeting,
  'meetings.dashboard': (ctx) => meetingsDashboard(ctx),
  'meetings.candidates': agendaCandidates,
  'meetings.save': saveMeeting,
  'meetings.delete': deleteMeeting,
  'meetings.addItem': addItem,
  'meetings.updateItem': updateItem,
  'meetings.moveItem': moveItem,
  'meetings.removeItem': removeItem,
  'meetings.convene': convene,
  'meetings.attendance': setAttendance,
  'meetings.item': itemSession,
  'meetings.openItem': openItem,
  'meetings.exits': recordExits,
  'meetings.postponeItem': postponeItem,
  'meetings.deliberate': saveDeliberation,
  'meetings.concludeItem': concludeItem,
  'meetings.markHeld': markHeld,
  'meetings.convocation': printConvocation,
  'meetings.convocations': printConvocations,
  'meetings.mailConvocations': mailConvocations,
  'meetings.convocationStatus': (ctx, input) => convocationStatusOf(ctx, input.meetingId),
  'meetings.agenda': printAgenda,
  'meetings.signInSheet': printSignInSheet,
  'meetings.calendar': meetingCalendar,
  'meetings.minutesDraft': previewMinutes,
};

export const actionsHandlers: DomainHandlers<'actions'> = {
  'actions.board': actionsBoard,
  'actions.page': pageActions,
  'actions.add': addAction,
  'actions.remove': removeAction,
  'actions.owners': ownerChoices,
  'actions.reassign': reassignAction,
  'actions.returnToPerson': recordReturn,
  'actions.review': reviewAction,
  'actions.personWording': setPersonWording,
};
