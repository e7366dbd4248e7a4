import { z } from 'zod';
import { day, id } from '../common/schema';

export const auditListInput = z
  .object({
    from: day().optional(),
    to: day().optional(),
    action: z
      .string()
      .regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)*$/, { message: 'Action inconnue.' })
      .max(80)
      .optional(),
    outcome: z.enum(['success', 'refused', 'failure']).optional(),
    userId: id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
    /** Keyset paging: the events older than this one (the last of the page before). */
    before: id.optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] });
