// Signed minutes for tests that only need the signed record: the coordinator's certificate is
// created by the app, and the minutes are signed by it alone.
import type { ClsmApi } from '../../electron/ipc/api';
import { ok } from './ipc';

export const SIGNING_PASSWORD = 'Quetsche-Mirabelle-57';

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
  return ok(api.minutes.sign({ meetingId, password: SIGNING_PASSWORD, animateurPassword: null }));
}
