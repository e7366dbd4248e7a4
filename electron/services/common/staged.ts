// A write use case with slow asynchronous work (argon2id, PDF rendering): `prepare` runs first,
// outside any transaction and alone (no other keyring mutation or unlock interleaves), then
// `commit` runs inside the dispatcher's transaction, synchronously, with what was prepared.
import type { ServiceContext } from '../context';

export interface Staged<I, O> {
  readonly kind: 'staged';
  readonly prepare: (ctx: ServiceContext, input: I) => Promise<unknown>;
  readonly commit: (ctx: ServiceContext, input: I, prepared: unknown) => O;
}

export function staged<I, O, P>(steps: {
  prepare(ctx: ServiceContext, input: I): Promise<P>;
  commit(ctx: ServiceContext, input: I, prepared: P): O;
}): Staged<I, O> {
  return {
    kind: 'staged',
    prepare: (ctx, input) => steps.prepare(ctx, input),
    commit: (ctx, input, prepared) => steps.commit(ctx, input, prepared as P),
  };
}

export function isStaged(value: unknown): value is Staged<unknown, unknown> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'staged';
}
