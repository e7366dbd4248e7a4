// The one registration wrapper. Transport-agnostic: Electron's ipcMain and the loopback dev host
// both hand it (channel, payload, sender verdict). In order it checks the channel exists, the
// sender is the app's own UI, a session exists, the role is allowed, and the payload parses; only
// then does the handler run. Refusals are audited; errors leave as {code, message}, never a stack.
import { z } from 'zod';
import { AppError, ErrorCode, ERROR_MESSAGES, isAppError } from '../errors';
import type { Session, Vault } from '../services/vault';
import { Access, Channel, ChannelOutput, ChannelParsed, contract, isChannel, Result } from './contract';

z.config(z.locales.fr());

export interface HandlerContext {
  vault: Vault;
  now: () => Date;
  /** The unlocked session; throws NOT_AUTHENTICATED on a public channel called while locked. */
  actor(): Session;
}

export type Handler<C extends Channel> = (
  input: ChannelParsed<C>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

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

function allowed(access: Access, session: Session | null): ErrorCode | null {
  if (access === 'public') return null;
  if (!session) return 'NOT_AUTHENTICATED';
  if (access === 'authenticated') return null;
  return access.includes(session.role) ? null : 'FORBIDDEN';
}

function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const summary = Object.values(fields).slice(0, 3).join(' ');
  return new AppError('INVALID_INPUT', { message: `${ERROR_MESSAGES.INVALID_INPUT} ${summary}`.trim(), fields });
}

export function createDispatcher(deps: {
  vault: Vault;
  handlers: HandlerTable;
  now?: () => Date;
  log?: InternalErrorLog;
}): Dispatcher {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? defaultLog;
  const { vault } = deps;

  function refuse(channel: string, error: AppError): Result<never> {
    if (!error.alreadyAudited) {
      vault.audit({
        userId: vault.session?.userId ?? null,
        action: isChannel(channel) ? channel : 'ipc.unknownChannel',
        objectType: 'channel',
        outcome: 'refused',
        detail: `code=${error.code}`,
      });
    }
    return { ok: false, error: error.toPayload() };
  }

  async function dispatch(channel: string, payload: unknown, meta: CallMeta): Promise<Result<unknown>> {
    if (!isChannel(channel)) return refuse(channel, new AppError('UNKNOWN_CHANNEL'));
    if (!meta.trustedSender) return refuse(channel, new AppError('UNTRUSTED_SENDER'));
    const spec = contract[channel];
    const denied = allowed(spec.access, vault.session);
    if (denied) return refuse(channel, new AppError(denied));
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) return refuse(channel, invalidInput(parsed.error));
    // Public channels (status polling, session info) must not keep a session awake.
    if (spec.access !== 'public') vault.touch();

    const ctx: HandlerContext = {
      vault,
      now,
      actor() {
        const session = vault.session;
        if (!session) throw new AppError('NOT_AUTHENTICATED');
        return session;
      },
    };
    const handler = deps.handlers[channel] as Handler<Channel>;
    try {
      const value = await handler(parsed.data as ChannelParsed<Channel>, ctx);
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return refuse(channel, error);
      log(channel, error);
      const failure = new AppError('INTERNAL');
      if (vault.session) {
        vault.audit({ userId: vault.session.userId, action: channel, objectType: 'channel', outcome: 'failure', detail: 'code=INTERNAL' });
      }
      return { ok: false, error: failure.toPayload() };
    }
  }

  return { dispatch };
}
