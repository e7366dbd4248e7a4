import type { SituationState } from '../../../../electron/shared/situation-vocabulary';
import { SITUATION_STATES } from '../../labels';

const KIND: Record<SituationState, string> = {
  received: 'warning',
  eligible: 'neutral',
  rejected: 'neutral',
  awaiting_consent: 'warning',
  ready: 'ok',
  scheduled: 'ok',
  examined: 'ok',
  follow_up: 'neutral',
  closed: 'neutral',
};

export const StateBadge = ({ state }: { state: SituationState }) => (
  <span className={`badge ${KIND[state]}`}>{SITUATION_STATES[state]}</span>
);
