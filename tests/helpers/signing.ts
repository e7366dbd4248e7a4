// Signed minutes for tests that only need the signed record: the coordinator's certificate is
// created by the app, and the minutes are signed by it alone.
import type { ClsmApi } from '../../electron/ipc/api';
import { ok } from './ipc';

export const SIGNING_PASSWORD = 'Quetsche-Mirabelle-57';

/**
 * The animateur approved the draft by mail on the day of the meeting, as the coordination records:
 * without an approval (or the animateur's certificate) the minutes cannot be signed.
 */
export async function approvedByMail(api: ClsmApi, meetingId: number) {
  const meeting = await ok(api.meetings.get({ meetingId }));
  return ok(api.minutes.recordApproval({ meetingId, reason: 'approved_by_mail', on: meeting.heldOn }));
}

export async function signMinutes(api: ClsmApi, meetingId: number) {
  await ok(
    api.signing.create({
      memberId: null,
      commonName: 'Françoise Marchal',
      organization: 'Centre hospitalier de Jury',
      password: SIGNING_PASSWORD,
      passwordConfirmation: SIGNING_PASSWORD,
    }),
  );
  await approvedByMail(api, meetingId);
  return ok(api.minutes.sign({ meetingId, password: SIGNING_PASSWORD, animateurPassword: null }));
}
