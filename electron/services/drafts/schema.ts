import { z } from 'zod';

/** `referral:new`, `consent:12`, `deliberation:40`…: a form and, when it has one, its object. */
const key = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z-]*(:[a-z0-9-]+)*$/, { message: 'Clé de brouillon invalide.' });

export const draftKeyInput = z.object({ key }).strict();

export const saveDraftInput = z
  .object({
    key,
    situationId: z.number().int().positive().nullable(),
    // A form's fields, not its files: attached scans are never part of a draft.
    payload: z.string().max(200_000, { message: 'Le brouillon est trop long pour être gardé.' }),
  })
  .strict();
