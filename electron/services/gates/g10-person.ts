// G10 — The person's place. The proposals are returned to the person and their agreement recorded
// before an action counts as started: an action is reviewed as done or not done by its owner only
// then. (« Not possible because circumstances changed » stays open: a refusal is such a change.)
import { formatDay } from '../../shared/dates';
import type { ActionAgreement } from '../../shared/meeting-vocabulary';
import type { GateReason } from '../../shared/gate-reason';

export interface AgreementGateFacts {
  situation: { id: number; code: string };
  returnedOn: string | null;
  /** The person's answer to this proposal (per action since issue 26). */
  agreement: ActionAgreement | null;
}

export function agreementGate({ situation, returnedOn, agreement }: AgreementGateFacts): GateReason[] {
  const subject = { type: 'situation', id: situation.id } as const;
  if (returnedOn === null || agreement === null) {
    return [
      {
        gate: 'G10',
        code: 'PROPOSALS_NOT_RETURNED',
        subject,
        message: `Les propositions de la Commission n’ont pas encore été restituées à la personne (${situation.code}) : son accord doit être recueilli avant que l’action ne commence.`,
      },
    ];
  }
  if (agreement === 'discuss') {
    return [
      {
        gate: 'G10',
        code: 'PROPOSAL_TO_DISCUSS',
        subject,
        message: `La personne souhaite rediscuter de cette proposition (${situation.code}) : l’action ne peut pas commencer avant son accord.`,
      },
    ];
  }
  if (agreement === 'refused') {
    return [
      {
        gate: 'G10',
        code: 'PERSON_REFUSED',
        subject,
        message: `La personne a refusé les propositions le ${formatDay(returnedOn)} (${situation.code}) : l’action ne peut pas être engagée.`,
      },
    ];
  }
  return [];
}
