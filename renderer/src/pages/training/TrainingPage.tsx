import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { ClsmMeetingsTab } from './ClsmMeetingsTab';
import { ToolsTab } from './ToolsTab';
import { TrainingDetail } from './TrainingDetail';
import { TrainingForm } from './TrainingForm';
import { TrainingList } from './TrainingList';

/** Cross-training (ateliers and stages croisés), the CLSM's other meetings and its common tools. */
export function TrainingPage({ session }: { session: SessionInfo }) {
  const canEdit = can(session, 'training.save');
  return (
    <section>
      <nav className="tabs" aria-label="Formation croisée et vie du CLSM">
        <NavLink to="/formation/sessions">Ateliers et stages</NavLink>
        <NavLink to="/formation/reunions">Réunions du CLSM</NavLink>
        <NavLink to="/formation/outils">Outils communs</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="sessions" replace />} />
        <Route path="sessions" element={<TrainingList canEdit={canEdit} />} />
        {canEdit && <Route path="sessions/nouvelle" element={<TrainingForm training={null} />} />}
        <Route path="sessions/:id" element={<TrainingDetail canEdit={canEdit} />} />
        <Route path="reunions" element={<ClsmMeetingsTab canEdit={can(session, 'clsm.saveMeeting')} />} />
        <Route path="outils" element={<ToolsTab canEdit={can(session, 'clsm.saveTool')} />} />
      </Routes>
    </section>
  );
}
