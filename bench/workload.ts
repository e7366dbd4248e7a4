// The reads the screens issue, run through the handlers on any open database (the encrypted base
// or its decrypted copy) with a context that writes no audit: the cipher's cost, nothing else.
import type Database from 'better-sqlite3-multiple-ciphers';
import { handlers } from '../electron/ipc/handlers';
import type { ServiceContext } from '../electron/services/context';
import type { Day } from '../electron/shared/dates';

export type WorkloadCall = (db: Database.Database) => void;

function readContext(db: Database.Database, today: Day): ServiceContext {
  return {
    db,
    clock: () => new Date(`${today}T09:00:00Z`),
    today,
    actor: { userId: 1, login: 'coordination', role: 'coordinator', displayName: 'Coordination', unlockedAt: `${today}T09:00:00Z` },
    keys: undefined as unknown as ServiceContext['keys'],
    audit: () => undefined,
    gateFactsChanged: () => undefined, // reads change no gate fact
  };
}

type Handler = (ctx: ServiceContext, input: unknown) => unknown;

export function queryWorkload(today: Day): WorkloadCall[] {
  const call =
    (channel: string, input: unknown): WorkloadCall =>
    (db) =>
      void (handlers as unknown as Record<string, Handler>)[channel]!(readContext(db, today), input);
  return [
    call('situations.page', { limit: 50, offset: 0 }),
    call('situations.page', { search: 'helene', limit: 50, offset: 0 }),
    call('situations.registry', { limit: 50, offset: 0 }),
    call('partners.pageMembers', { limit: 50, offset: 0 }),
    call('actions.page', { section: 'open', limit: 50, offset: 0 }),
    call('audit.list', { limit: 50, offset: 0 }),
    call('audit.list', { action: 'situations.saveReferral', limit: 50, offset: 0 }),
    call('audit.list', { outcome: 'failure', limit: 50, offset: 0 }),
    call('situations.dashboard', {}),
    call('retention.candidates', {}),
  ];
}
