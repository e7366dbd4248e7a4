// The journal in French for the coordinator: each event's object named as they know it (a
// structure by its name; a member or an account by number and structure or role — never a
// person's name), and its detail tokens (`code=…`, `G3:…`, `role=…`) as words.
import type { Db } from '../../../db/connection';
import { ERROR_MESSAGES, ErrorCode } from '../../errors';
import { AUDIT_OBJECTS, AuditObjectType } from '../../shared/audit-actions';
import { ROLES, Role } from '../../shared/vocabulary';
import { GATE_CODE_LABELS } from '../gates/reason';
import { CLOSURE_REASONS, ClosureReason, SITUATION_STATES, SituationState } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';
import { formatDay } from '../../shared/dates';
import { ACTION_OUTCOMES, ATTENDANCE_STATUSES, ITEM_OUTCOMES, PERSON_AGREEMENTS } from '../../shared/meeting-vocabulary';
import { AuditEvent, AuditFilters, listAudit } from './trail';

export interface DescribedEvent extends AuditEvent {
  objectLabel: string;
  detailLabel: string;
}

const LOCK_REASONS: Record<string, string> = {
  user: 'à la demande de l’utilisateur',
  inactivity: 'après inactivité',
  system: 'verrouillage ou veille du poste',
  shutdown: 'fermeture de l’application',
};

const VIA: Record<string, string> = { recovery: 'par la clé de récupération', structure: 'avec sa structure', cli: 'en ligne de commande' };

const plural = (count: string, word: string) => `${count} ${word}${Number(count) > 1 ? 's' : ''}`;

function detailToken(token: string): string {
  const gate = /^(G\d+):([A-Z_]+)$/.exec(token);
  if (gate) return GATE_CODE_LABELS[gate[2]!] ?? `${gate[1]} non remplie`;
  const [key = '', value = ''] = token.split('=');
  switch (key) {
    case 'code':
      return (ERROR_MESSAGES[value as ErrorCode] ?? value).replace(/\.$/, '');
    case 'role':
      return `rôle : ${ROLES[value as Role] ?? value}`;
    case 'reason':
      return LOCK_REASONS[value] ?? value;
    case 'via':
      return VIA[value] ?? value;
    case 'count':
      return plural(value, 'échec');
    case 'dropped':
      return plural(value, 'événement perdu');
    case 'version':
      return `version ${value}`;
    case 'structures':
      return plural(value, 'structure');
    case 'members':
      return plural(value, 'membre');
    case 'updated':
      return `${plural(value, 'fiche')} mise${Number(value) > 1 ? 's' : ''} à jour`;
    case 'rows':
      return plural(value, 'ligne');
    case 'autoLockMinutes':
      return `verrouillage après ${value} min`;
    case 'situation':
      return `situation ${value}`;
    case 'consent':
      return `consentement n° ${value}`;
    case 'scan':
      return 'avec le formulaire numérisé';
    case 'blank':
      return 'fiche vierge';
    case 'from':
      return `de « ${SITUATION_STATES[value as SituationState] ?? value} »`;
    case 'to':
      return `à « ${SITUATION_STATES[value as SituationState] ?? value} »`;
    case 'closure':
      return CLOSURE_REASONS[value as ClosureReason] ?? value;
    case 'meeting':
      return `séance n° ${value}`;
    case 'item':
      return `point n° ${value}`;
    case 'member':
      return `membre n° ${value}`;
    case 'action':
      return `action n° ${value}`;
    case 'day':
      return `le ${formatDay(value)}`;
    case 'status':
      return ATTENDANCE_STATUSES[value as keyof typeof ATTENDANCE_STATUSES] ?? value;
    case 'outcome':
      return (
        ITEM_OUTCOMES[value as keyof typeof ITEM_OUTCOMES] ??
        ACTION_OUTCOMES[value as keyof typeof ACTION_OUTCOMES] ??
        value
      ).toLowerCase();
    case 'agreement':
      return PERSON_AGREEMENTS[value as keyof typeof PERSON_AGREEMENTS] ?? value;
    case 'broken':
      return value === 'triggers' ? 'protections retirées' : `rompu à l’événement n° ${value}`;
    default:
      return token;
  }
}

export function describeDetail(detail: string | null): string {
  return detail ? detail.split(',').map(detailToken).join(', ') : '';
}

function describeObject(db: Db, type: string | null, id: string | null): string {
  if (!type || type === 'channel') return '';
  const kind = AUDIT_OBJECTS[type as AuditObjectType] ?? type;
  if (id === null) return kind;
  switch (type) {
    case 'structure': {
      const name = db.prepare('SELECT name FROM structures WHERE id = ?').pluck().get(id) as string | undefined;
      return name ? `Structure « ${name} »` : `Structure n° ${id} (supprimée)`;
    }
    case 'member': {
      const structure = db
        .prepare('SELECT s.name FROM members m JOIN structures s ON s.id = m.structure_id WHERE m.id = ?')
        .pluck()
        .get(id) as string | undefined;
      return structure ? `Membre n° ${id} de « ${structure} »` : `Membre n° ${id} (supprimé)`;
    }
    case 'user': {
      const role = db.prepare('SELECT role FROM users WHERE id = ?').pluck().get(id) as Role | undefined;
      return role ? `Compte n° ${id} (${ROLES[role]})` : `Compte n° ${id}`;
    }
    case 'situation': {
      const code = db.prepare('SELECT code FROM situations WHERE id = ?').pluck().get(id) as string | undefined;
      return code ? `Situation ${code}` : `Situation n° ${id}`;
    }
    case 'charterVersion': {
      const version = db.prepare('SELECT version FROM charter_versions WHERE id = ?').pluck().get(id) as number | undefined;
      return version ? `Charte, version ${version}` : `Charte (projet abandonné)`;
    }
    default:
      return `${kind} n° ${id}`;
  }
}

export function describeEvents(db: Db, events: AuditEvent[]): DescribedEvent[] {
  return events.map((event) => ({
    ...event,
    objectLabel: describeObject(db, event.objectType, event.objectId),
    detailLabel: describeDetail(event.detail),
  }));
}

/** A page of the journal, described. */
export function listJournal(ctx: ServiceContext, filters: AuditFilters): { events: DescribedEvent[]; total: number } {
  const page = listAudit(ctx.db, filters);
  return { total: page.total, events: describeEvents(ctx.db, page.events) };
}
