// The journal in French for the coordinator: each event's object named as they know it (a
// structure by its name; a member or an account by number and structure or role — never a
// person's name), and its detail tokens as words (describe-detail.ts).
import type { Db } from '../../../db/connection';
import { AUDIT_OBJECTS, AuditObjectType } from '../../shared/audit-actions';
import { ROLES, Role } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { describeDetail } from './describe-detail';
import { AuditEvent, AuditFilters, AuditPage, listAudit } from './trail';

export interface DescribedEvent extends AuditEvent {
  objectLabel: string;
  detailLabel: string;
}

export { describeDetail };

export function describeObject(db: Db, type: string | null, id: string | null): string {
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
    detailLabel: describeDetail(event.action, event.detail),
  }));
}

/** A page of the journal, described. */
export type JournalPage = Omit<AuditPage, 'events'> & { events: DescribedEvent[] };

export function listJournal(ctx: ServiceContext, filters: AuditFilters): JournalPage {
  const page = listAudit(ctx.db, filters);
  return { ...page, events: describeEvents(ctx.db, page.events) };
}
