// Building blocks of the contract, shared by every domain: the channel spec (input schema, who may
// call, read or write, the phantom output type), the result envelope and the documents handed out.
import type { z } from 'zod';
import type { ErrorPayload } from '../../errors';
import type { InputFacts } from '../../services/common/schema';
import type { Role } from '../../shared/vocabulary';

export type Access = 'public' | 'authenticated' | readonly Role[];

/**
 * A write channel runs inside one transaction with its audit events; a read channel does not; a job
 * (backup, restore) is long asynchronous work on the data folder itself, run alone (no unlock or
 * keyring change interleaves) and outside any transaction, with the vault in its context.
 */
export type Effect = 'read' | 'write' | 'job';

/** A schema, or a factory for schemas that depend on today (dates "not in the future"). */
export type InputSpec = z.ZodType | ((facts: InputFacts) => z.ZodType);

export interface ChannelSpec<I extends InputSpec, O, A extends Access, E extends Effect> {
  input: I;
  access: A;
  effect: E;
  /** Phantom: carries the output type only. */
  output: O;
}

export const returns = <O>(): O => undefined as O;
export const channel = <I extends InputSpec, O, const A extends Access, const E extends Effect>(spec: ChannelSpec<I, O, A, E>) => spec;

export type SchemaOf<I extends InputSpec> = I extends z.ZodType
  ? I
  : I extends (facts: InputFacts) => infer S
    ? S extends z.ZodType
      ? S
      : never
    : never;

export function schemaOf(input: InputSpec, facts: InputFacts): z.ZodType {
  return typeof input === 'function' ? input(facts) : input;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const EDITORS = ['coordinator', 'secretariat'] as const;
export const EVERYONE = 'authenticated' as const;

export type { DocumentFile } from '../../services/common/documents';
