import { listAudit, verifyAuditTrail } from '../../services/audit/trail';
import type { DomainHandlers } from '../dispatcher';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.verify': verifyAuditTrail,
};
