import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { CharterTab } from './CharterTab';
import { ImportExportTab } from './ImportExportTab';
import { MembersTab } from './MembersTab';
import { StructuresTab } from './StructuresTab';

export function PartnersPage({ session }: { session: SessionInfo }) {
  const canEdit = can(session, 'partners.saveMember');
  const canImport = can(session, 'partners.importDirectory');
  return (
    <section>
      <nav className="tabs" aria-label="Partenaires">
        <NavLink to="/partenaires/structures">Structures</NavLink>
        <NavLink to="/partenaires/membres">Membres</NavLink>
        <NavLink to="/partenaires/charte">Charte éthique</NavLink>
        {canImport && <NavLink to="/partenaires/import-export">Import / export</NavLink>}
      </nav>
      <Routes>
        <Route index element={<Navigate to="structures" replace />} />
        <Route path="structures" element={<StructuresTab canEdit={canEdit} canRemove={can(session, 'partners.removeStructure')} />} />
        <Route path="membres" element={<MembersTab canEdit={canEdit} canRemove={can(session, 'partners.removeMember')} />} />
        <Route path="charte" element={<CharterTab canEdit={canEdit} canAdopt={can(session, 'charter.adopt')} />} />
        {canImport && <Route path="import-export" element={<ImportExportTab />} />}
      </Routes>
    </section>
  );
}
