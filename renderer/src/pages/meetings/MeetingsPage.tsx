import { Route, Routes } from 'react-router';
import type { SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { ActionsBoard } from './ActionsBoard';
import { MeetingForm } from './MeetingForm';
import { MeetingPage } from './MeetingPage';
import { MeetingsList } from './MeetingsList';

/** Meetings of the commission: the coordinator runs them, the animateur reads them. */
export function MeetingsPage({ session }: { session: SessionInfo }) {
  return (
    <Routes>
      <Route index element={<MeetingsList session={session} />} />
      {can(session, 'meetings.save') && <Route path="nouvelle" element={<MeetingForm meeting={null} />} />}
      <Route path="suivi" element={<ActionsBoard session={session} />} />
      <Route path=":id/*" element={<MeetingPage session={session} />} />
    </Routes>
  );
}
