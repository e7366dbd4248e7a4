// What the CLSM bodies' tests share: a coordinator's session with a comité de pilotage planned,
// a client that records the channels it served, and small readers of the documents.
import { buildApi } from '../../electron/ipc/api';
import type { ClsmMeetingDetail } from '../../electron/ipc/contract';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { LETTERHEAD_FIELDS } from '../fixtures/people';
import { ok } from './ipc';
import { situationsSession } from './situations';
import { manualClock } from './vault';

export const PASSWORD = 'Quetsche-Mirabelle-57';
export const CLSM = /^clsm\.(?!tools$|saveTool$|removeTool$)/;
export const bytes = (file: { base64: string }) => Buffer.from(file.base64, 'base64');
export const flat = (text: string) => text.replace(/\s+/g, ' ');

export async function copil() {
  const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
  const session = await situationsSession({ now: clock.now });
  const used = new Set<string>();
  // Only a call that succeeded counts as served: a refusal proves the door shut, not the use case.
  const api = buildApi(CHANNEL_NAMES, async (channel, payload) => {
    const result = await session.ipc.dispatch(channel, payload, { trustedSender: true });
    if (result.ok) used.add(channel);
    return result;
  });
  await ok(api.settings.updateLetterhead(LETTERHEAD_FIELDS));
  const meeting = await ok(
    api.clsm.saveMeeting({
      kind: 'comite_pilotage',
      heldOn: '2026-03-10',
      startsAt: '14:00',
      endsAt: '16:30',
      place: 'Hôtel de Ville de Metz, salon de Guise',
      status: 'planned',
      subject: 'Bilan 2025 et perspectives',
      nextMeeting: 'Assemblée plénière en juin (date à convenir).',
      attachedDocuments: ['Diaporama du bilan 2025', 'Plan d’action 2026'],
    }),
  );
  return { ...session, api, used, clock, meeting };
}

/** The planning fields of a saved meeting, to save it again. */
export const base = (m: ClsmMeetingDetail) => ({
  id: m.id,
  kind: m.kind,
  heldOn: m.heldOn,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  status: 'planned' as const,
  subject: m.subject,
  nextMeeting: m.nextMeeting,
  attachedDocuments: m.attachedDocuments,
});
