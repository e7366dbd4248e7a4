// The small-count rule of every export (annual report PDF and DOCX, CSV): a count of 1 or 2 is
// written « < 3 », and a median, average or percentage resting on 1 or 2 observations is not
// given, so that nobody can be recognised from a figure. Zero stays « 0 »: it names nobody, and
// hiding it would hide that an activity did not take place (decision 015).
import type { Indicator, IndicatorUnit } from './indicators';

export const SMALL_COUNT = '< 3';
export const NOT_DISCLOSED = 'non diffusé (< 3)';

export const isSmall = (n: number) => n > 0 && n < 3;

/** A count as an export writes it. */
export const disclosedCount = (n: number): string => (isSmall(n) ? SMALL_COUNT : String(n));

const decimal = (n: number) => String(n).replace('.', ',');

/** A figure of any unit as an export writes it, or '' when there is none. */
export function disclosedValue(unit: IndicatorUnit, value: number | null, base: number | undefined): string {
  if (value === null) return base !== undefined && isSmall(base) ? NOT_DISCLOSED : '';
  if (unit === 'count') return disclosedCount(value);
  if (base !== undefined && isSmall(base)) return NOT_DISCLOSED;
  if (unit === 'days') return `${decimal(value)} jours`;
  if (unit === 'percent') return `${value} %`;
  return decimal(value);
}

export const currentText = (i: Indicator) => disclosedValue(i.unit, i.value, i.base?.value);
export const previousText = (i: Indicator) => disclosedValue(i.unit, i.previous, i.base?.previous);
