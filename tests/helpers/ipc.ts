// The typed client: `api.<domain>.<action>(input)` over the real dispatcher and handler table,
// built from the contract's names like the preload — tests never call a channel by a bare string.
import { buildApi, ClsmApi } from '../../electron/ipc/api';
import type { Result } from '../../electron/ipc/contract';
import { createDispatcher, Dispatcher, HandlerTable } from '../../electron/ipc/dispatcher';
import { handlers } from '../../electron/ipc/handlers';
import type { Vault } from '../../electron/services/vault';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import type { Clock } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { initializedVault } from './vault';

/** A typed client over a dispatcher, as the app's own UI (trusted sender). */
export function typedClient(ipc: Dispatcher): ClsmApi {
  return buildApi(CHANNEL_NAMES, (channel, payload) => ipc.dispatch(channel, payload, { trustedSender: true }));
}

export type Outcome = { ok: boolean; value?: unknown; error?: { code: string } };

/** Calls a channel by its name through the typed client: for the role sweeps, which walk every channel. */
export function callChannel(api: ClsmApi, channel: string, payload: unknown): Promise<Outcome> {
  const [domain, action] = channel.split('.') as [keyof ClsmApi, string];
  return (api[domain] as unknown as Record<string, (input: unknown) => Promise<Outcome>>)[action]!(payload);
}

/** The value, or a thrown Error carrying the code and French message. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok)
    throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code, payload: result.error });
  return result.value;
}

export function clientFor(vault: Vault, options: { now?: Clock; handlers?: HandlerTable } = {}) {
  const ipc = createDispatcher({ vault, handlers: options.handlers ?? handlers, ...(options.now ? { now: options.now } : {}) });
  return { ipc, api: typedClient(ipc) };
}

/** An initialised vault, unlocked as the coordinator, driven through the real dispatcher. */
export async function coordinatorSession(options: { now?: Clock } = {}) {
  const { vault, dataDir, recoveryKey } = await initializedVault(options.now ? { now: options.now } : {});
  const { ipc, api } = clientFor(vault, options);
  await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
  return { vault, dataDir, recoveryKey, ipc, api };
}

/**
 * First unlock of an account the coordinator created: its password was set by someone else and
 * must be changed before anything else. The new password is the initial one with « -perso ».
 */
export async function firstUnlock(api: ClsmApi, person: { login: string; password: string }): Promise<string> {
  await ok(api.session.unlock({ login: person.login, password: person.password }));
  const own = `${person.password}-perso`;
  await ok(api.users.changePassword({ currentPassword: person.password, newPassword: own, newPasswordConfirmation: own }));
  return own;
}
