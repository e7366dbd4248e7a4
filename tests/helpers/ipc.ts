import { createDispatcher } from '../../electron/ipc/dispatcher';
import { handlers } from '../../electron/ipc/handlers';
import type { Result } from '../../electron/ipc/contract';
import { COORDINATOR } from '../fixtures/people';
import { initializedVault } from './vault';

/** An initialised vault, unlocked as the coordinator, driven through the real dispatcher. */
export async function coordinatorSession(options: { now?: () => Date } = {}) {
  const { vault, dataDir } = await initializedVault(options.now ? { now: options.now } : {});
  const ipc = createDispatcher({ vault, handlers, ...(options.now ? { now: options.now } : {}) });
  const raw = (channel: string, payload: unknown = {}) => ipc.dispatch(channel, payload, { trustedSender: true }) as Promise<Result<never>>;
  /** The value, or a thrown Error carrying the code and French message. */
  const call = async <T = never>(channel: string, payload: unknown = {}): Promise<T> => {
    const result = await raw(channel, payload);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code });
    return result.value as T;
  };
  await call('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password });
  return { vault, dataDir, raw, call };
}
