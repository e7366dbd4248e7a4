import { tz } from '@date-fns/tz';
import { addDays as addCalendarDays, addMonths as addCalendarMonths, format, isMatch } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, atTime, lastDayDueBy, dayRange, formatDay, formatMoment, isDay, parseDay, timeOfDay, today } from './dates';

const at = (iso: string) => () => new Date(iso);

describe('dates (Europe/Paris)', () => {
  it('gives today in Paris, not in UTC, between midnight and 2 a.m.', () => {
    // 00:30 in Paris in winter is 23:30 UTC the day before.
    expect(today(at('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    // 00:30 in Paris in summer is 22:30 UTC the day before.
    expect(today(at('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(today(at('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
  });

  it('accepts real days only, and never throws on bad input', () => {
    for (const good of ['2026-02-28', '2024-02-29', '2026-12-31']) expect(isDay(good), good).toBe(true);
    for (const bad of ['', 'abc', '2025-13-01', '2026-02-30', '2025-02-29', '2026-1-5', '15/01/2026', null, 20260115]) {
      expect(isDay(bad), String(bad)).toBe(false);
    }
  });

  it('agrees with date-fns on which strings are days, over every month-day pair of four years', () => {
    for (const year of ['1900', '2000', '2024', '2026'])
      for (let month = 0; month <= 13; month++)
        for (let date = 0; date <= 32; date++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
          expect(isDay(text), text).toBe(isMatch(text, 'yyyy-MM-dd'));
        }
  });

  it('reads and writes dd/MM/yyyy', () => {
    expect(parseDay('15/01/2026')).toBe('2026-01-15');
    expect(parseDay('5/1/2026')).toBe('2026-01-05');
    expect(parseDay(' 2026-01-15 ')).toBe('2026-01-15');
    for (const bad of ['31/02/2026', '15-01-2026', '', '01/13/2026', 'abc']) expect(parseDay(bad), bad).toBeNull();
    // Years the app cannot store or compute with are typing slips, read as no day at all.
    for (const far of ['01/01/0001', '0001-01-01', '31/12/9999', '9999-12-31', '31/12/1899', '01/01/2101'])
      expect(parseDay(far), far).toBeNull();
    expect([parseDay('01/01/1900'), parseDay('31/12/2100')]).toEqual(['1900-01-01', '2100-12-31']);
    expect(formatDay('2026-01-05')).toBe('05/01/2026');
    expect(formatDay('n’importe quoi')).toBe('');
  });

  it('maps a Paris day to its UTC range, 23 or 25 hours long on DST days', () => {
    expect(dayRange('2026-01-15')).toEqual({ start: '2026-01-14T23:00:00.000Z', end: '2026-01-15T23:00:00.000Z' });
    expect(dayRange('2026-03-29')).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(dayRange('2026-10-25')).toEqual({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
  });

  it('keeps a meeting at 14:00 Paris time on both sides of a DST change', () => {
    expect(atTime('2026-03-26', '14:00')).toBe('2026-03-26T13:00:00.000Z');
    expect(atTime('2026-04-02', '14:00')).toBe('2026-04-02T12:00:00.000Z');
    expect(timeOfDay('2026-04-02T12:00:00.000Z')).toBe('14:00');
    expect(formatMoment('2026-01-14T23:30:00.000Z')).toBe('15/01/2026 00:30:00');
    expect(() => atTime('2026-04-02', '25:00')).toThrow(RangeError);
  });

  it('adds calendar days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds calendar months, the 31st becoming the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-25', 6)).toBe('2027-04-25');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('finds the last day due by today: every earlier day is due, the next one is not', () => {
    expect(lastDayDueBy('2026-03-31', 1)).toBe('2026-02-28');
    expect(lastDayDueBy('2024-02-29', 1)).toBe('2024-01-31'); // 29, 30 and 31 January all end on 29 February
    expect(lastDayDueBy('2026-02-28', 1)).toBe('2026-01-31');
    expect(lastDayDueBy('2026-06-15', 24)).toBe('2024-06-15');
    let today = '2024-01-01';
    while (today < '2025-04-01') {
      for (const months of [1, 3, 6, 24]) {
        const last = lastDayDueBy(today, months);
        expect(addMonths(last, months) <= today, `${today} ${months}`).toBe(true);
        expect(addMonths(addDays(last, 1), months) > today, `${today} ${months}`).toBe(true);
      }
      today = addDays(today, 1);
    }
  });

  it('agrees with date-fns in the Paris zone on every day of 2023–2028, forwards and back', () => {
    const paris = tz('Europe/Paris');
    const reference = (day: string, f: typeof addCalendarDays, n: number) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return format(f(paris(Date.UTC(y, m - 1, d, 12)), n), 'yyyy-MM-dd', { in: paris });
    };
    let day = '2023-01-01';
    let checked = 0;
    while (day < '2029-01-01') {
      for (const n of [-25, -13, -12, -6, -1, 1, 2, 6, 12, 24, 36]) {
        expect(addMonths(day, n), `${day} ${n} months`).toBe(reference(day, addCalendarMonths, n));
        checked++;
      }
      for (const n of [-400, -30, -1, 1, 14, 30, 365]) expect(addDays(day, n), `${day} ${n} days`).toBe(reference(day, addCalendarDays, n));
      day = reference(day, addCalendarDays, 1);
    }
    expect(checked).toBe(2192 * 11);
  });
});
