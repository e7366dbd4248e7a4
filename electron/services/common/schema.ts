// Building blocks of the input schemas. Day fields never throw on bad input: an empty or malformed
// date is a French field error like any other. "Not in the future" needs today's date, which comes
// from the injected clock: schemas that need it are factories over `InputFacts`.
import { z } from 'zod';
import { Day, DAY_YEARS, isDay, isDayInRange } from '../../shared/dates';
import './zod-fr';

/** What an input schema may depend on besides the payload. */
export interface InputFacts {
  /** Today in Europe/Paris, from the injected clock. */
  today: Day;
}

export const noInput = z.object({}).strict();
export const id = z.number().int().positive();

/** A real calendar day, `YYYY-MM-DD`, in a year the app can store and compute with (DAY_YEARS). */
export const day = (missing = 'Indiquez une date.') =>
  z
    .string({ message: missing })
    .refine((v) => v !== '', { message: missing, abort: true })
    .refine(isDay, { message: 'Cette date n’existe pas ou est mal écrite (jj/mm/aaaa).', abort: true })
    .refine(isDayInRange, { message: `L’année doit être comprise entre ${DAY_YEARS.min} et ${DAY_YEARS.max}.`, abort: true });

/** A day that has already come: signatures and adoptions are recorded, not planned. */
export const pastDay = (facts: InputFacts, missing?: string) =>
  day(missing).refine((v) => v <= facts.today, { message: 'La date ne peut pas être dans le futur.' });

/** One line typed by people (a name): trimmed, inner spaces collapsed, bounded. */
export const line = (max: number, message?: string) => text(max, message).transform((v) => v.replace(/\s+/g, ' '));

/** Free text typed by people: trimmed, bounded. */
export const text = (max: number, message?: string) =>
  message ? z.string().trim().min(1, { message }).max(max) : z.string().trim().max(max);
