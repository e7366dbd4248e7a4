import type { MeetingState } from '../../../../electron/shared/meeting-vocabulary';
import { MEETING_STATES } from '../../labels';

const KIND: Record<MeetingState, string> = { planned: 'warning', convened: 'ok', held: 'neutral', minutes_signed: 'neutral' };

export const MeetingBadge = ({ state }: { state: MeetingState }) => <span className={`badge ${KIND[state]}`}>{MEETING_STATES[state]}</span>;
