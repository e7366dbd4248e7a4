// The services' hooks, wired once above them (the dispatcher and the CLI give them to every
// context): a service that changes a gate fact calls `ctx.gateFactsChanged`, and the agendas are
// swept here, so partners, charter, settings and consents never import meetings.
import type { ServiceHooks } from './context';
import { sweepAgendas } from './meetings/agenda';

export const serviceHooks: ServiceHooks = {
  gateFactsChanged(ctx, scope) {
    sweepAgendas(ctx, 'everywhere' in scope ? {} : scope);
  },
};
