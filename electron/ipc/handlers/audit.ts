import { listJournal } from '../../services/audit/describe';
import { archiveAuditTrail } from '../../services/audit/archive';
import { archiveStatus } from '../../services/audit/archive-status';
import { exportAuditCsv } from '../../services/audit/export';
import { verifyAuditTrail } from '../../services/audit/verify-trail';
import type { DomainHandlers } from '../dispatcher';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.list': listJournal,
  'audit.verify': verifyAuditTrail,
  'audit.export': exportAuditCsv,
  'audit.archiveStatus': (ctx) => archiveStatus(ctx),
  'audit.archive': archiveAuditTrail,
};
