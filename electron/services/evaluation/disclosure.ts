// The small-count rule of every export (annual report PDF and DOCX, CSV): a count of persons or of
// situations of 1 or 2 is written « < 3 », and a median, average or percentage resting on 1 or 2
// of them is not given, so that nobody can be recognised from a figure. Zero stays « 0 »: it names
// nobody, and hiding it would hide that an activity did not take place (decision 015). Counts of
// the CLSM's activity — meetings, structures, sectors, tools — name no one and are shown as they
// are (seed 001: « nombre et type d’acteurs représentés »).
import type { Indicator, IndicatorSubject, IndicatorUnit } from './indicators';

import { SMALL_COUNT } from '../../shared/report-document';

export { SMALL_COUNT };
export const NOT_DISCLOSED = `non diffusé (${SMALL_COUNT})`;

export const isSmall = (n: number) => n > 0 && n < 3;

/** A count as an export writes it: masked when it counts persons or situations. */
export const disclosedCount = (n: number, subject: IndicatorSubject = 'people'): string =>
  subject === 'people' && isSmall(n) ? SMALL_COUNT : String(n);

const decimal = (n: number) => String(n).replace('.', ',');

/** A figure of any unit as an export writes it, or '' when there is none. */
export function disclosedValue(
  unit: IndicatorUnit,
  value: number | null,
  base: number | undefined,
  subject: IndicatorSubject = 'people',
): string {
  const masked = (n: number | undefined) => subject === 'people' && n !== undefined && isSmall(n);
  if (value === null) return masked(base) ? NOT_DISCLOSED : '';
  if (unit === 'count') return disclosedCount(value, subject);
  if (masked(base)) return NOT_DISCLOSED;
  if (unit === 'days') return `${decimal(value)} jours`;
  if (unit === 'percent') return `${value} %`;
  return decimal(value);
}

export const currentText = (i: Indicator) => disclosedValue(i.unit, i.value, i.base?.value, i.subject);
export const previousText = (i: Indicator) => disclosedValue(i.unit, i.previous, i.base?.previous, i.subject);

/** Whether a count of a breakdown's row is written « < 3 » in this indicator. */
export const isMasked = (i: Pick<Indicator, 'subject'>, n: number) => (i.subject ?? 'people') === 'people' && isSmall(n);
