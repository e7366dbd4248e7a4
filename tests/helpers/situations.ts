// A coordinator's session with what every situation test needs: a structure that signed the
// convention with a member who refers, and one that did not.
import type { Clock } from '../../electron/shared/dates';
import type { ClsmApi } from '../../electron/ipc/api';
import { annKlein, ccasDeMetz } from '../fixtures/people';
import { ELIGIBLE } from '../fixtures/situations';
import { coordinatorSession, ok } from './ipc';

export async function situationsSession(options: { now?: Clock } = {}) {
  const session = await coordinatorSession(options);
  const { api } = session;
  const signed = await ok(
    api.partners.saveStructure({
      name: 'CCAS de Woippy',
      sector: 'ccas',
      address: '1 place de l’Hôtel de Ville, 57140 Woippy',
      conventionSignedOn: '2026-01-12',
      conventionSignatory: 'Mme la Présidente du CCAS',
    }),
  );
  const unsigned = await ok(api.partners.saveStructure(ccasDeMetz));
  const referrer = await ok(api.partners.saveMember(annKlein(signed.id)));
  const outsider = await ok(
    api.partners.saveMember({ ...annKlein(unsigned.id), lastName: 'Roth', firstName: 'Hélène', category: 'travailleur_social' }),
  );
  return { ...session, signed, unsigned, referrer, outsider };
}

/** A referral declared eligible on 3 March 2026 (the four questions of the frame answered yes). */
export const declareEligible = (api: ClsmApi, id: number) =>
  ok(api.situations.decideEligibility({ id, answers: ELIGIBLE, decision: 'eligible', decidedOn: '2026-03-03', rejectionReason: '' }));
