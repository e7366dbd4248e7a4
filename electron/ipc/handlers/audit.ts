import { listJournal } from '../../services/audit/describe';
import { verifyAuditTrail } from '../../services/audit/trail';
import type { DomainHandlers } from '../dispatcher';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.list': listJournal,
  'audit.verify': verifyAuditTrail,
};
