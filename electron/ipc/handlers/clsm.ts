import {
  clsmCalendar,
  mailClsmConvocations,
  printClsmConvocation,
  printClsmConvocations,
  printClsmSignInSheet,
} from '../../services/clsm/documents';
import { allPresent, invite, listGuests, recordAttendance, saveGuest, uninvite } from '../../services/clsm/invitations';
import { getClsmMeeting, pageClsmMeetings, removeClsmMeeting, saveClsmMeeting, saveClsmPoints } from '../../services/clsm/meetings';
import { previewMinutes, saveMinutesPart } from '../../services/clsm/minutes';
import { getPlan, removePlanAction, saveAxis, savePlanAction, saveReviews } from '../../services/clsm/plan';
import { printClsmSignedDocument, signClsmAddendum, signClsmMinutes } from '../../services/clsm/signing';
import { listTools, removeTool, saveTool } from '../../services/clsm/tools';
import type { DomainHandlers } from '../dispatcher';

export const clsmHandlers: DomainHandlers<'clsm'> = {
  'clsm.meetings': pageClsmMeetings,
  'clsm.meeting': getClsmMeeting,
  'clsm.saveMeeting': saveClsmMeeting,
  'clsm.removeMeeting': removeClsmMeeting,
  'clsm.savePoints': saveClsmPoints,
  'clsm.guests': listGuests,
  'clsm.saveGuest': saveGuest,
  'clsm.invite': invite,
  'clsm.uninvite': uninvite,
  'clsm.attendance': recordAttendance,
  'clsm.allPresent': allPresent,
  'clsm.convocation': printClsmConvocation,
  'clsm.convocations': printClsmConvocations,
  'clsm.calendar': clsmCalendar,
  'clsm.signInSheet': printClsmSignInSheet,
  'clsm.mailConvocations': mailClsmConvocations,
  'clsm.saveMinutes': saveMinutesPart,
  'clsm.previewMinutes': previewMinutes,
  'clsm.signMinutes': signClsmMinutes,
  'clsm.addendum': signClsmAddendum,
  'clsm.minutesDocument': printClsmSignedDocument,
  'clsm.plan': getPlan,
  'clsm.saveAxis': saveAxis,
  'clsm.saveAction': savePlanAction,
  'clsm.removeAction': removePlanAction,
  'clsm.saveReviews': saveReviews,
  'clsm.tools': (ctx) => listTools(ctx),
  'clsm.saveTool': saveTool,
  'clsm.removeTool': removeTool,
};
