import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { ToolsTab } from './ToolsTab';
import { TrainingDetail } from './TrainingDetail';
import { TrainingForm } from './TrainingForm';
import { TrainingList } from './TrainingList';

/** Cross-training (ateliers and stages croisés) and the CLSM's common tools. */
export function TrainingPage({ session }: { session: SessionInfo }) {
  const canEdit = can(session, 'training.save');
  return (
    <section>
      <nav className="tabs" aria-label="Formation croisée et outils du CLSM">
        <NavLink to="/formation/sessions">Ateliers et stages</NavLink>
        <NavLink to="/formation/outils">Outils communs</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="sessions" replace />} />
        <Route path="sessions" element={<TrainingList canEdit={canEdit} />} />
        {canEdit && <Route path="sessions/nouvelle" element={<TrainingForm training={null} />} />}
        <Route path="sessions/:id" element={<TrainingDetail canEdit={canEdit} />} />
        {/* The CLSM's meetings moved to « Instances du CLSM »: an old link still lands there. */}
        <Route path="reunions" element={<Navigate to="/instances/reunions" replace />} />
        <Route path="outils" element={<ToolsTab canEdit={can(session, 'clsm.saveTool')} />} />
      </Routes>
    </section>
  );
}
