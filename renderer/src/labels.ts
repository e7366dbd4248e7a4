// French labels for codes that come from the main process. The lists themselves (roles, audit
// actions and domains) live in electron/shared: one source for the main process and the UI.
import { AUDIT_DOMAINS, AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../electron/shared/audit-actions';
import { ROLES } from '../../electron/shared/vocabulary';
import type { AuditEvent } from './api';

export const ROLE_LABELS = ROLES;

/** What each role may do (DESIGN §5), as the user form explains it. */
export const ROLE_DESCRIPTIONS: Record<keyof typeof ROLES, string> = {
  coordinator: 'tout : annuaire, charte, situations, séances, comptes rendus, utilisateurs, journal et paramètres.',
  animateur: 'anime les séances, rédige et signe les comptes rendus ; consulte l’annuaire.',
  secretariat: 'tient l’annuaire (sans supprimer) et la formation ; n’accède jamais au contenu des situations ni aux séances.',
};

export const OUTCOME_LABELS: Record<AuditEvent['outcome'], string> = AUDIT_OUTCOME_LABELS;

export const AUDIT_DOMAIN_OPTIONS = Object.entries(AUDIT_DOMAINS).map(([value, label]) => ({ value, label }));

export const actionLabel = auditActionLabel;

export { formatDay, formatMoment as formatDateTime, formatMomentDay as formatDate } from '../../electron/shared/dates';

export {
  AGE_BANDS,
  ATTENDANCE_WISHES,
  CLOSURE_REASONS,
  CONSENT_MODES,
  IDENTITY_SHARING,
  INFORMATION_ITEMS,
  LEGAL_PROTECTIONS,
  SITUATION_STATES,
} from '../../electron/shared/situation-vocabulary';

export {
  ACTION_AGREEMENTS,
  ACTION_OUTCOMES,
  ACTION_STAGES,
  ATTENDANCE_STATUSES,
  ITEM_OUTCOMES,
  ITEM_STATUSES,
  MEETING_STATES,
  PERSON_AGREEMENTS,
  PERSON_PRESENCE,
} from '../../electron/shared/meeting-vocabulary';
export { CATEGORIES } from '../../electron/shared/vocabulary';
export { formatLongDay, formatTime } from '../../electron/shared/dates';

/** Choices for a select, from a vocabulary. */
export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
