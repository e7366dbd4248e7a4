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

export interface ListFilters {
  search: string;
  state: string;
  year: string;
  structureId?: string;
  typology?: string;
}

/** The filters as typed in the form, as a query: an empty field filters nothing. */
export function situationQuery(f: ListFilters) {
  return {
    ...(f.search ? { search: f.search } : {}),
    ...(f.state ? { state: f.state as SituationState } : {}),
    ...(f.year ? { year: Number(f.year) } : {}),
    ...(f.structureId ? { structureId: Number(f.structureId) } : {}),
    ...(f.typology ? { typology: f.typology } : {}),
  };
}
