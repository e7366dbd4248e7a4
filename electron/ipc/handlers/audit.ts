import { listAudit, verifyAudit } from '../../services/audit';
import type { DomainHandlers } from '../dispatcher';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.verify': (_input, ctx) => {
    const result = verifyAudit(ctx.vault.database());
    ctx.vault.audit({
      userId: ctx.actor().userId,
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      detail: result.ok ? `count=${result.count}` : `broken=${result.brokenEventId ?? 'triggers'}`,
    });
    return result;
  },
  'audit.list': (input, { vault }) => listAudit(vault.database(), input),
};
