// The CLSM's own bodies (comité de pilotage, assemblée plénière, comité technique, groupes projet),
// its action plan and its common tools. No case data: everyone reads; the coordination and the
// secrétariat prepare meetings, convocations, sign-in sheets and minutes; only the coordination
// signs the minutes and their addenda.
import type { ClsmConvocationDrafts } from '../../services/clsm/documents';
import type { GuestView } from '../../services/clsm/invitations';
import type { ClsmMeetingSummary } from '../../services/clsm/meetings';
import type { AxisView, PlanActionView, PlanView } from '../../services/clsm/plan';
import {
  addendumInput,
  allPresentInput,
  attendanceInput,
  axisInput,
  byId,
  clsmMeetingInput,
  clsmMeetingPageInput,
  documentRef,
  guestInput,
  guestSearchInput,
  invitationRef,
  inviteInput,
  meetingRef,
  minutesPartInput,
  planActionInput,
  planFilters,
  pointsInput,
  reviewsInput,
  signInput,
  toolInput,
} from '../../services/clsm/schema';
import type { ToolView } from '../../services/clsm/tools';
import type { ClsmMeetingDetail, ClsmSignedDocument, InvitationView, PointView, ReviewView } from '../../services/clsm/views';
import { noInput } from '../../services/common/schema';
import type { Page } from '../../services/partners/structures';
import { channel, DocumentFile, EDITORS, EVERYONE, InputSpec, returns } from './shared';

const SIGNER = ['coordinator'] as const;
const read = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: EVERYONE, effect: 'read', output });
const prepare = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: EDITORS, effect: 'read', output });
const write = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: EDITORS, effect: 'write', output });

export const clsmChannels = {
  'clsm.meetings': read(clsmMeetingPageInput, returns<Page<ClsmMeetingSummary>>()),
  'clsm.meeting': read(byId, returns<ClsmMeetingDetail>()),
  'clsm.saveMeeting': write(clsmMeetingInput, returns<ClsmMeetingDetail>()),
  'clsm.removeMeeting': write(byId, returns<{ removed: true }>()),
  'clsm.savePoints': write(pointsInput, returns<ClsmMeetingDetail>()),
  'clsm.guests': prepare(guestSearchInput, returns<GuestView[]>()),
  'clsm.saveGuest': write(guestInput, returns<GuestView>()),
  'clsm.invite': write(inviteInput, returns<ClsmMeetingDetail>()),
  'clsm.uninvite': write(invitationRef, returns<ClsmMeetingDetail>()),
  'clsm.attendance': write(attendanceInput, returns<ClsmMeetingDetail>()),
  'clsm.allPresent': write(allPresentInput, returns<ClsmMeetingDetail>()),
  'clsm.convocation': prepare(invitationRef, returns<DocumentFile>()),
  'clsm.convocations': prepare(meetingRef, returns<DocumentFile>()),
  'clsm.calendar': prepare(meetingRef, returns<DocumentFile>()),
  'clsm.signInSheet': prepare(meetingRef, returns<DocumentFile>()),
  'clsm.mailConvocations': prepare(meetingRef, returns<ClsmConvocationDrafts>()),
  'clsm.saveMinutes': write(minutesPartInput, returns<ClsmMeetingDetail>()),
  'clsm.previewMinutes': prepare(meetingRef, returns<DocumentFile>()),
  'clsm.signMinutes': channel({ input: signInput, access: SIGNER, effect: 'write', output: returns<ClsmMeetingDetail>() }),
  'clsm.addendum': channel({ input: addendumInput, access: SIGNER, effect: 'write', output: returns<ClsmMeetingDetail>() }),
  'clsm.minutesDocument': read(documentRef, returns<DocumentFile>()),
  'clsm.plan': read(planFilters, returns<PlanView>()),
  'clsm.saveAxis': write(axisInput, returns<PlanView>()),
  'clsm.saveAction': write(planActionInput, returns<PlanView>()),
  'clsm.removeAction': write(byId, returns<PlanView>()),
  'clsm.saveReviews': write(reviewsInput, returns<ClsmMeetingDetail>()),
  'clsm.tools': read(noInput, returns<ToolView[]>()),
  'clsm.saveTool': write(toolInput, returns<ToolView[]>()),
  'clsm.removeTool': write(byId, returns<ToolView[]>()),
};

export type {
  AxisView,
  ClsmConvocationDrafts,
  ClsmMeetingDetail,
  ClsmMeetingSummary,
  ClsmSignedDocument,
  GuestView,
  InvitationView,
  PlanActionView,
  PlanView,
  PointView,
  ReviewView,
  ToolView,
};
