import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { opens } from '../../app/permissions';
import { AuditPage } from './AuditPage';
import { BackupsPage } from './BackupsPage';
import { CertificatesPage } from './CertificatesPage';
import { LetterheadPage } from './LetterheadPage';
import { RetentionPage } from './RetentionPage';
import { SettingsPage } from './SettingsPage';
import { UsersPage } from './UsersPage';

export function AdministrationPage({ session, onLocked }: { session: SessionInfo; onLocked: (notice: string) => void }) {
  if (!opens(session, 'administration')) {
    return (
      <section>
        <h1>Administration</h1>
        <p>Cette rubrique est réservée à la coordination.</p>
      </section>
    );
  }
  return (
    <section>
      <nav className="tabs" aria-label="Administration">
        <NavLink to="/administration/utilisateurs">Utilisateurs</NavLink>
        <NavLink to="/administration/journal">Journal d’audit</NavLink>
        <NavLink to="/administration/parametres">Paramètres</NavLink>
        <NavLink to="/administration/documents">Documents</NavLink>
        <NavLink to="/administration/certificat">Certificat de signature</NavLink>
        <NavLink to="/administration/sauvegardes">Sauvegardes</NavLink>
        <NavLink to="/administration/conservation">Conservation des données</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="utilisateurs" replace />} />
        <Route path="utilisateurs" element={<UsersPage session={session} />} />
        <Route path="journal" element={<AuditPage />} />
        <Route path="parametres" element={<SettingsPage />} />
        <Route path="documents" element={<LetterheadPage />} />
        <Route path="certificat" element={<CertificatesPage session={session} />} />
        <Route path="sauvegardes" element={<BackupsPage onLocked={onLocked} />} />
        <Route path="conservation" element={<RetentionPage />} />
      </Routes>
    </section>
  );
}
