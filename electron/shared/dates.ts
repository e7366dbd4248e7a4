// The one dates module. Calendar days are `YYYY-MM-DD` in Europe/Paris; moments are UTC ISO
// strings; people read `dd/MM/yyyy`. Pure (no clock of its own: callers pass the injected one),
// so the renderer imports it too. Built on date-fns and @date-fns/tz: a Paris day is never the
// UTC day (between midnight and 1–2 a.m. they differ), and times of day cross DST changes.
import { tz } from '@date-fns/tz';
import { format, isMatch } from 'date-fns';
import { fr } from 'date-fns/locale/fr';

export const TIME_ZONE = 'Europe/Paris';
const paris = tz(TIME_ZONE);

/** A calendar day, `YYYY-MM-DD`, in Europe/Paris. */
export type Day = string;
/** A time of day, `HH:mm`, in Europe/Paris. */
export type TimeOfDay = string;
/** The injected clock: the only source of "now". */
export type Clock = () => Date;

// The one place the app asks the system for the time; everything else receives a Clock.
export const systemClock: Clock = () => new Date();

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FRENCH_DAY = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The Paris calendar day of a moment. */
export function parisDay(moment: Date): Day {
  return format(moment, 'yyyy-MM-dd', { in: paris });
}

/** Today in Paris, from the injected clock. */
export function today(clock: Clock): Day {
  return parisDay(clock());
}

/** A moment as stored: UTC ISO 8601. */
export function momentIso(moment: Date): string {
  return moment.toISOString();
}

/** Now, as stored. */
export function nowIso(clock: Clock): string {
  return momentIso(clock());
}

/**
 * The years a day typed in the app may fall in: anything else is a typing slip (0001, 9999), and
 * would reach SQLite's checks or JavaScript's date range as an internal error instead of a field error.
 */
export const DAY_YEARS = { min: 1900, max: 2100 } as const;

/** True for a day within `DAY_YEARS`. */
export function isDayInRange(day: Day): boolean {
  const year = Number(day.slice(0, 4));
  return year >= DAY_YEARS.min && year <= DAY_YEARS.max;
}

/** True for a real calendar day written `YYYY-MM-DD` (no 2025-13-01, no 2026-02-30); never throws. */
export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  // By hand, not date-fns' isMatch: lists check a day per row, and isMatch costs ~5 µs a call.
  const [year, month, date] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && date >= 1 && date <= days;
}

/** `dd/MM/yyyy` (one-digit day and month accepted) or `YYYY-MM-DD` to a Day; null when not a real day. */
export function parseDay(value: string): Day | null {
  const text: string = value.trim();
  if (DAY.test(text)) return isDay(text) && isDayInRange(text) ? text : null;
  if (!FRENCH_DAY.test(text) || !isMatch(text, 'd/M/yyyy')) return null;
  const [date, month, year] = text.split('/') as [string, string, string];
  const day = `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
  return isDayInRange(day) ? day : null;
}

/** A Day as people read it: `dd/MM/yyyy`. */
export function formatDay(day: Day): string {
  return isDay(day) ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

/** A Day in words, for letters and convocations: « jeudi 3 décembre 2026 ». */
export function formatLongDay(day: Day): string {
  if (!isDay(day)) return '';
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // A calendar day has no time zone: built at noon local time, its weekday is the same everywhere.
  return format(new Date(year, month - 1, date, 12), 'EEEE d MMMM yyyy', { locale: fr });
}

/** A time of day as French documents write it: `14:30` → « 14 h 30 ». */
export const formatTime = (time: TimeOfDay): string => time.replace(':', ' h ');

/** A stored moment as people read it in Paris: `dd/MM/yyyy HH:mm:ss`. */
export function formatMoment(iso: string): string {
  return format(new Date(iso), 'dd/MM/yyyy HH:mm:ss', { in: paris });
}

/**
 * A moment as a file or folder name shows it to people: Paris wall-clock time with its offset,
 * `2026-11-23_11h15m00_+0100` — sortable within a day, valid on Windows shares, exact across DST.
 */
export function fileMoment(moment: Date): string {
  return format(moment, "yyyy-MM-dd'_'HH'h'mm'm'ss'_'xx", { in: paris });
}

/** The stored moment (UTC ISO) of a `fileMoment` name, or null when it is not one. */
export function parseFileMoment(stamp: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})_(\d{2})h(\d{2})m(\d{2})_([+-]\d{2})(\d{2})$/.exec(stamp);
  if (!match) return null;
  const moment = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}${match[5]}:${match[6]}`);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** The Paris day of a stored moment, as people read it: `dd/MM/yyyy`. */
export function formatMomentDay(iso: string): string {
  return format(new Date(iso), 'dd/MM/yyyy', { in: paris });
}

/** The UTC moments bounding a Paris day: `start` inclusive, `end` exclusive (23, 24 or 25 hours). */
export function dayRange(day: Day): { start: string; end: string } {
  return { start: atTime(day, '00:00'), end: atTime(addDays(day, 1), '00:00') };
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && TIME.test(value);
}

/** The UTC moment of a Paris wall-clock time on a Paris day, across daylight-saving changes. */
export function atTime(day: Day, time: TimeOfDay): string {
  if (!isDay(day) || !isTimeOfDay(time)) throw new RangeError('invalid day or time of day');
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  // A date built from wall-clock fields in Paris: its time value is the real UTC moment.
  const wall = paris(0);
  wall.setFullYear(year, month - 1, date);
  wall.setHours(hours, minutes, 0, 0);
  return momentIso(new Date(wall.getTime()));
}

/** The Paris wall-clock time of a stored moment, `HH:mm`. */
export function timeOfDay(iso: string): TimeOfDay {
  return format(new Date(iso), 'HH:mm', { in: paris });
}

/** A Day `n` calendar days later (or earlier). */
export function addDays(day: Day, n: number): Day {
  if (!isDay(day)) throw new RangeError('invalid day');
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return utcDay(Date.UTC(year, month - 1, date + n));
}

/** A Day `n` months later; the 31st becomes the month's last day (31/01 + 1 month = 28/02). */
export function addMonths(day: Day, n: number): Day {
  if (!isDay(day)) throw new RangeError('invalid day');
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) + n;
  const [y, m] = [Math.floor(months / 12), (((months % 12) + 12) % 12) + 1];
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return utcDay(Date.UTC(y, m - 1, Math.min(date, lastOfMonth)));
}

/**
 * The last day whose `addMonths(day, months)` is on or before `today`: « due by today » becomes a
 * comparison with one day computed once, so a list filters in SQL on an index, not row by row.
 * addMonths never decreases as its day grows, so the days due form a prefix and this is its end.
 */
export function lastDayDueBy(today: Day, months: number): Day {
  let day = addMonths(today, -months);
  while (addMonths(addDays(day, 1), months) <= today) day = addDays(day, 1);
  return day;
}

// Adding days or months to a calendar day is calendar arithmetic: no time zone is involved, so it
// is done on UTC dates by hand (lists call it per row; date-fns with a zone costs ~100× more).
// dates.test.ts checks it against date-fns in the Paris zone over every day of several years.
function utcDay(ms: number): Day {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The year of a Day. */
export const yearOf = (day: Day): number => Number(day.slice(0, 4));

/** A file-name stamp for exports: the Paris day. */
export function fileStamp(clock: Clock): string {
  return today(clock);
}
