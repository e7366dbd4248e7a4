import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { ClsmMeetingForm } from './ClsmMeetingForm';
import { ClsmMeetingPage } from './ClsmMeetingPage';
import { ClsmMeetingsList } from './ClsmMeetingsList';
import { PlanTab } from './PlanTab';

/** The CLSM's own bodies (comité de pilotage, plénière, comité technique, groupes projet) and its action plan. */
export function ClsmPage({ session }: { session: SessionInfo }) {
  return (
    <section>
      <nav className="tabs" aria-label="Instances du CLSM">
        <NavLink to="/instances/reunions">Réunions</NavLink>
        <NavLink to="/instances/plan">Plan d’action</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="reunions" replace />} />
        <Route path="reunions" element={<ClsmMeetingsList canEdit={can(session, 'clsm.saveMeeting')} />} />
        {can(session, 'clsm.saveMeeting') && <Route path="reunions/nouvelle" element={<ClsmMeetingForm meeting={null} />} />}
        <Route path="reunions/:id/*" element={<ClsmMeetingPage session={session} />} />
        <Route path="plan" element={<PlanTab canEdit={can(session, 'clsm.saveAction')} />} />
      </Routes>
    </section>
  );
}
