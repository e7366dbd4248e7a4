// The evaluation's periods: a civil year or any span of days, and the period it is compared with.
import { z } from 'zod';
import { addDays, addMonths, Day } from '../../shared/dates';
import { day } from '../common/schema';
import type { Period } from './commission-counts';

export const periodInput = z
  .object({ from: day('Indiquez le début de la période.'), to: day('Indiquez la fin de la période.') })
  .strict()
  .refine((p) => p.to >= p.from, { message: 'La fin de la période précède son début.', path: ['to'] })
  .refine((p) => p.to <= addMonths(p.from, 60), { message: 'Une période couvre cinq ans au plus.', path: ['to'] });

export const civilYear = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

const isMonthStart = (d: Day) => d.endsWith('-01');
const isMonthEnd = (d: Day) => addDays(d, 1).endsWith('-01');
const monthsBetween = (from: Day, to: Day) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/**
 * The period just before, of the same length: whole months give whole months (a civil year gives
 * the year before, a quarter the quarter before); any other span, the same number of days.
 */
export function previousPeriod(period: Period): Period {
  if (isMonthStart(period.from) && isMonthEnd(period.to)) {
    const months = monthsBetween(period.from, period.to);
    return { from: addMonths(period.from, -months), to: addDays(period.from, -1) };
  }
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
