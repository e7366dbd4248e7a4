// Building blocks of the contract: the channel spec, the phantom output type, shared schemas.
import { z } from 'zod';
import type { Role } from '../services/credentials';

export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type only. */
  output: O;
}

export const returns = <O>(): O => undefined as O;
export const channel = <I extends z.ZodType, O>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;

export const noInput = z.object({}).strict();
export const id = z.number().int().positive();

/** A real calendar day, `YYYY-MM-DD`. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date attendue au format AAAA-MM-JJ.' })
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { message: 'Cette date n’existe pas.' });

/** A day that has already come: signatures and adoptions are recorded, not planned. */
export const pastDay = isoDay.refine((v) => v <= new Date().toISOString().slice(0, 10), {
  message: 'La date ne peut pas être dans le futur.',
});

/** Free text typed by people: trimmed, bounded. */
export const text = (max: number, message?: string) =>
  message ? z.string().trim().min(1, { message }).max(max) : z.string().trim().max(max);
