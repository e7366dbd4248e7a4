// The one registration wrapper. Transport-agnostic: Electron's ipcMain and the loopback dev host
// both hand it (channel, payload, sender verdict). In order it checks the channel exists, the
// sender is the app's own UI, a session exists, the role is allowed, and the payload parses; then it
// builds the one service context and runs the handler — a write inside one transaction with its
// audit events. A refused or failed call is audited after the rollback; errors leave as
// {code, message, fields?, reasons?}, never a stack.
import { AppError, invalidInput, isAppError } from '../errors';
import { isStaged, Staged } from '../services/common/staged';
import { sessionContext, type PublicContext, type ServiceContext, type VaultContext } from '../services/context';
import { serviceHooks } from '../services/hooks';
import { reasonToken } from '../shared/gate-reason';
import { OBLIGATION_CHANNELS, OBLIGATION_ERRORS, obligationOf } from '../services/users/obligations';
import type { Vault } from '../services/vault';
import { Clock, systemClock, today } from '../shared/dates';
import { Channel, ChannelOutput, ChannelParsed, contract, isChannel, Result } from './contract';
import { schemaOf } from './contract/shared';
import { mayCall } from './permissions';

type Contextual<C extends Channel> = Contract[C]['access'] extends 'public' ? PublicContext : ServiceContext;
type Contract = typeof contract;
type Plain<C extends Channel> = (ctx: Contextual<C>, input: ChannelParsed<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
type Job<C extends Channel> = (ctx: VaultContext, input: ChannelParsed<C>) => Promise<ChannelOutput<C>>;
type Transactional<C extends Channel> =
  ((ctx: ServiceContext, input: ChannelParsed<C>) => ChannelOutput<C>) | Staged<ChannelParsed<C>, ChannelOutput<C>>;

/**
 * A read channel (or a public one: set-up, unlock, lock) may be asynchronous. An authenticated
 * write is synchronous, inside its transaction, or staged: slow preparation first, then the
 * synchronous commit.
 */
export type Handler<C extends Channel> = Contract[C]['access'] extends 'public'
  ? Plain<C>
  : Contract[C]['effect'] extends 'write'
    ? Transactional<C>
    : Contract[C]['effect'] extends 'job'
      ? Job<C>
      : Plain<C>;

export type HandlerTable = { [C in Channel]: Handler<C> };

/** The handlers of one domain: the channels named `domain.*`. */
export type DomainHandlers<D extends string> = {
  [C in Channel as C extends `${D}.${string}` ? C : never]: Handler<C>;
};

export interface CallMeta {
  /** The transport's verdict on who sent the call (frame origin, bearer token). */
  trustedSender: boolean;
}

/** Logs carry a channel name and an error class, never payloads or messages that may hold data. */
export type InternalErrorLog = (channel: string, error: unknown) => void;

const defaultLog: InternalErrorLog = (channel, error) => {
  const kind = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  console.error(`[clsm] internal error on ${channel}: ${kind}${typeof code === 'string' ? ` (${code})` : ''}`);
};

export interface Dispatcher {
  dispatch(channel: string, payload: unknown, meta: CallMeta): Promise<Result<unknown>>;
}

/** The audit detail of a refusal: the gate codes when gates refused, the error code otherwise. */
function refusalDetail(error: AppError): string {
  if (error.code === 'GATE_REFUSED' && error.reasons?.length) return [...new Set(error.reasons.map(reasonToken))].join(',');
  return `code=${error.code}`;
}

export function createDispatcher(deps: { vault: Vault; handlers: HandlerTable; now?: Clock; log?: InternalErrorLog }): Dispatcher {
  const clock = deps.now ?? systemClock;
  const log = deps.log ?? defaultLog;
  const { vault } = deps;

  function refuse(channel: string, error: AppError, options: { anonymous?: boolean } = {}): Result<never> {
    if (!error.alreadyAudited) {
      vault.audit({
        userId: options.anonymous ? null : (vault.session?.userId ?? null),
        action: isChannel(channel) ? channel : 'ipc.unknownChannel',
        objectType: 'channel',
        outcome: 'refused',
        detail: refusalDetail(error),
      });
    }
    return { ok: false, error: error.toPayload() };
  }

  const serviceContext = (): ServiceContext => sessionContext(vault, clock, serviceHooks);

  async function run(channel: Channel, input: unknown): Promise<unknown> {
    const spec = contract[channel];
    const handler = deps.handlers[channel] as unknown;
    if (spec.access === 'public') return (handler as Plain<Channel>)({ vault, clock } as never, input as never);
    const ctx = serviceContext();
    if (spec.effect === 'read') return (handler as Plain<Channel>)(ctx, input as never);
    if (spec.effect === 'job') return vault.exclusive(() => (handler as Job<Channel>)({ ...ctx, vault }, input as never));
    if (isStaged(handler)) {
      return vault.exclusive(async () => {
        const prepared = await handler.prepare(ctx, input);
        return ctx.db.transaction(() => handler.commit(ctx, input, prepared))();
      });
    }
    return ctx.db.transaction(() => (handler as (c: ServiceContext, i: unknown) => unknown)(ctx, input))();
  }

  async function dispatch(channel: string, payload: unknown, meta: CallMeta): Promise<Result<unknown>> {
    try {
      // First of all, and never in the name of whoever is logged in: the caller is not the app's UI.
      if (!meta.trustedSender) return refuse(channel, new AppError('UNTRUSTED_SENDER'), { anonymous: true });
      if (!isChannel(channel)) return refuse(channel, new AppError('UNKNOWN_CHANNEL'));
      const spec = contract[channel];
      if (!mayCall(spec.access, vault.session?.role ?? null))
        return refuse(channel, new AppError(vault.session ? 'FORBIDDEN' : 'NOT_AUTHENTICATED'));
      // An obligation (own password, recovery key) comes first: only its channels answer.
      const session = vault.session;
      const obligation = session && spec.access !== 'public' ? obligationOf(vault.database(), session) : null;
      if (obligation && !OBLIGATION_CHANNELS[obligation].has(channel)) {
        return refuse(channel, new AppError(OBLIGATION_ERRORS[obligation]));
      }
      const parsed = schemaOf(spec.input, { today: today(clock) }).safeParse(payload);
      if (!parsed.success) return refuse(channel, invalidInput(parsed.error.issues));
      // Public channels (status polling, session info) must not keep a session awake.
      if (spec.access !== 'public') vault.touch();
      return { ok: true, value: await run(channel, parsed.data) };
    } catch (error) {
      if (isAppError(error)) return refuse(channel, error);
      log(channel, error);
      if (vault.session && isChannel(channel)) {
        vault.audit({ userId: vault.session.userId, action: channel, objectType: 'channel', outcome: 'failure', detail: 'code=INTERNAL' });
      }
      return { ok: false, error: new AppError('INTERNAL').toPayload() };
    }
  }

  return { dispatch };
}
