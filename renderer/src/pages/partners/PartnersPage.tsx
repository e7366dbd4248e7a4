import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { CharterTab } from './CharterTab';
import { ImportExportTab } from './ImportExportTab';
import { MembersTab } from './MembersTab';
import { StructuresTab } from './StructuresTab';

export function PartnersPage({ session }: { session: SessionInfo }) {
  const canEdit = session.role !== 'animateur';
  return (
    <section>
      <nav className="tabs" aria-label="Partenaires">
        <NavLink to="/partenaires/structures">Structures</NavLink>
        <NavLink to="/partenaires/membres">Membres</NavLink>
        <NavLink to="/partenaires/charte">Charte éthique</NavLink>
        {canEdit && <NavLink to="/partenaires/import-export">Import / export</NavLink>}
      </nav>
      <Routes>
        <Route index element={<Navigate to="structures" replace />} />
        <Route path="structures" element={<StructuresTab canEdit={canEdit} />} />
        <Route path="membres" element={<MembersTab canEdit={canEdit} />} />
        <Route path="charte" element={<CharterTab canEdit={canEdit} canAdopt={session.role === 'coordinator'} />} />
        {canEdit && <Route path="import-export" element={<ImportExportTab />} />}
      </Routes>
    </section>
  );
}
