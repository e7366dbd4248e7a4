import { Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { ReferralPage } from './ReferralPage';
import { RegistryList } from './RegistryList';
import { SituationPage } from './SituationPage';
import { SituationsList } from './SituationsList';

/**
 * Situations. The coordinator and the animateur read their content; the secretariat sees the
 * registry only (codes, dates, states) — the main process refuses it everything else.
 */
export function SituationsPage({ session }: { session: SessionInfo }) {
  if (!can(session, 'situations.page')) return <RegistryList />;
  return (
    <Routes>
      <Route index element={<SituationsList session={session} />} />
      {can(session, 'situations.saveReferral') && <Route path="nouvelle" element={<ReferralPage situation={null} />} />}
      <Route path=":id/*" element={<SituationPage session={session} />} />
    </Routes>
  );
}
