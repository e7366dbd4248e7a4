import type { SituationState } from '../../../../electron/shared/situation-vocabulary';
import { SITUATION_STATES, optionsOf } from '../../labels';

export const STATE_OPTIONS = [{ value: '', label: 'Tous' }, ...optionsOf(SITUATION_STATES)];

/** The last ten years, for the year filter. */
export function yearOptions(currentYear: number) {
  return [
    { value: '', label: 'Toutes' },
    ...Array.from({ length: 10 }, (_, i) => String(currentYear - i)).map((y) => ({ value: y, label: y })),
  ];
}

export const stateFilter = (state: string) => (state ? { state: state as SituationState } : {});
export const yearFilter = (year: string) => (year ? { year: Number(year) } : {});
