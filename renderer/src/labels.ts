// French labels for codes that come from the main process. The lists themselves (roles, audit
// actions and domains) live in electron/shared: one source for the main process and the UI.
import { AUDIT_DOMAINS, auditActionLabel } from '../../electron/shared/audit-actions';
import { ROLES } from '../../electron/shared/vocabulary';
import type { AuditEvent } from './api';

export const ROLE_LABELS = ROLES;

export const OUTCOME_LABELS: Record<AuditEvent['outcome'], string> = {
  success: 'Réussi',
  refused: 'Refusé',
  failure: 'Échec',
};

export const AUDIT_DOMAIN_OPTIONS = Object.entries(AUDIT_DOMAINS).map(([value, label]) => ({ value, label }));

export const actionLabel = auditActionLabel;

export { formatDay, formatMoment as formatDateTime, formatMomentDay as formatDate } from '../../electron/shared/dates';
