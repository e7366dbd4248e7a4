import type { SessionInfo } from '../api';
import { ROLE_LABELS } from '../labels';
import { navigationFor } from '../app/navigation';
import { NavLink } from 'react-router';
import { can } from '../app/permissions';
import { DashboardMeetings } from './DashboardMeetings';
import { DashboardRetention } from './DashboardRetention';
import { DashboardSituations } from './DashboardSituations';

export function DashboardPage({ session }: { session: SessionInfo }) {
  const items = navigationFor(session).filter((item) => item.to !== '/');
  // The secretariat opens Situations for the registry only: its tile says so.
  const summary = (item: (typeof items)[number]) =>
    item.area === 'situations' && !can(session, 'situations.page')
      ? 'Le registre des situations : codes, dates et états, sans leur contenu.'
      : (item.summary ?? item.upcoming ?? 'Utilisateurs, journal d’audit et paramètres.');
  return (
    <section>
      <h1>Tableau de bord</h1>
      <p>
        Bonjour {session.displayName} ({ROLE_LABELS[session.role]}). L’application se verrouille après {session.autoLockMinutes} minutes
        d’inactivité et quand le poste est verrouillé.
      </p>
      <ul className="tiles">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{item.label}</NavLink>
            <p>{summary(item)}</p>
          </li>
        ))}
      </ul>
      {can(session, 'meetings.dashboard') && <DashboardMeetings />}
      {can(session, 'situations.dashboard') && <DashboardSituations />}
      {can(session, 'retention.candidates') && <DashboardRetention />}
    </section>
  );
}
