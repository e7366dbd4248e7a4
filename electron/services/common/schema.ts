// Building blocks of the input schemas. Day fields never throw on bad input: an empty or malformed
// date is a French field error like any other. "Not in the future" needs today's date, which comes
// from the injected clock: schemas that need it are factories over `InputFacts`.
import { z } from 'zod';
import { Day, DAY_YEARS, isDay, isDayInRange, isTimeOfDay } from '../../shared/dates';
import './zod-fr';
import { undrawable, undrawableMessage } from '../../pdf/glyphs';

/** What an input schema may depend on besides the payload. */
export interface InputFacts {
  /** Today in Europe/Paris, from the injected clock. */
  today: Day;
}

export const noInput = z.object({}).strict();

/** A page of a long list: the UI asks for 50 rows, never for thousands. */
export const paging = { limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) };
export const id = z.number().int().positive();

/** A real calendar day, `YYYY-MM-DD`, in a year the app can store and compute with (DAY_YEARS). */
export const day = (missing = 'Indiquez une date.') =>
  z
    .string({ message: missing })
    .refine((v) => v !== '', { message: missing, abort: true })
    .refine(isDay, { message: 'Cette date n’existe pas ou est mal écrite (jj/mm/aaaa).', abort: true })
    .refine(isDayInRange, { message: `L’année doit être comprise entre ${DAY_YEARS.min} et ${DAY_YEARS.max}.`, abort: true });

/** A time of day, `hh:mm`. */
export const timeOfDay = (missing: string) =>
  z
    .string({ message: missing })
    .refine((v) => v !== '', { message: missing, abort: true })
    .refine(isTimeOfDay, { message: 'Indiquez une heure au format hh:mm.' });

/** A day that has already come: signatures and adoptions are recorded, not planned. */
export const pastDay = (facts: InputFacts, missing?: string) =>
  day(missing).refine((v) => v <= facts.today, { message: 'La date ne peut pas être dans le futur.' });

/** One line typed by people (a name): trimmed, inner spaces collapsed, bounded. */
export const line = (max: number, message?: string) => text(max, message).transform((v) => v.replace(/\s+/g, ' '));

/**
 * What people type is printed: composed (NFC), with the narrow no-break space of some keyboards
 * made an ordinary one and invisible zero-width marks dropped; a character the documents' font
 * cannot draw (an emoji) is refused with the character shown, rather than printed as a box
 * (decision 020).
 */
const printable = (field: z.ZodString) =>
  field
    .transform((v) =>
      v
        .normalize('NFC')
        .replace(/\u202F/g, '\u00A0')
        .replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''),
    )
    .superRefine((v, ctx) => {
      const missing = undrawable(v);
      if (missing.length > 0) ctx.addIssue({ code: 'custom', message: undrawableMessage(missing) });
    });

/** Free text typed by people: trimmed, bounded, printable. */
export const text = (max: number, message?: string) =>
  printable(message ? z.string().trim().min(1, { message }).max(max) : z.string().trim().max(max));
