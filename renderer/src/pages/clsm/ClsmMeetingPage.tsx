import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { CLSM_MEETING_KINDS, CLSM_MEETING_STATUSES } from '../../../../electron/shared/training-vocabulary';
import { api, ClsmMeetingDetail, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { formatLongDay, formatTime } from '../../labels';
import { AttendanceTab } from './AttendanceTab';
import { ClsmAgendaTab } from './ClsmAgendaTab';
import { ClsmMeetingForm } from './ClsmMeetingForm';
import { ClsmMinutesTab } from './ClsmMinutesTab';
import { InviteesTab } from './InviteesTab';
import type { Changed } from './meeting';

/** One meeting of the CLSM's bodies: agenda, invitations and convocations, attendance, minutes. */
export function ClsmMeetingPage({ session }: { session: SessionInfo }) {
  const id = Number(useParams().id);
  const location = useLocation();
  const navigate = useNavigate();
  const [meeting, setMeeting] = useState<ClsmMeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [deleting, setDeleting] = useState(false);
  const editor = can(session, 'clsm.saveMeeting');
  // A message belongs to the screen it answers: moving to another tab clears it.
  const shownAt = useRef(location.pathname);
  useEffect(() => {
    if (shownAt.current !== location.pathname) setNotice((location.state as { notice?: string } | null)?.notice ?? null);
    shownAt.current = location.pathname;
  }, [location.pathname, location.state]);
  const reload = useCallback(async () => {
    const result = await api.clsm.meeting({ id });
    if (result.ok) setMeeting(result.value);
    else setLoadError(result.error.message);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (loadError) return <Alert>{loadError}</Alert>;
  if (!meeting) return <p aria-busy="true">Chargement…</p>;
  const m = meeting;
  const base = `/instances/reunions/${m.id}`;
  const changed: Changed = (fresh, message) => {
    setMeeting(fresh);
    setNotice(message);
  };
  const editable = editor && !m.locked;
  const empty = m.points.length === 0 && m.invitations.length === 0 && m.reviews.length === 0;
  return (
    <section>
      <h1>
        {CLSM_MEETING_KINDS[m.kind]} du {formatLongDay(m.heldOn)}{' '}
        <span className={`badge ${m.locked ? 'neutral' : m.status === 'planned' ? 'warning' : m.status === 'held' ? 'ok' : 'neutral'}`}>
          {m.locked ? 'Compte rendu signé' : CLSM_MEETING_STATUSES[m.status]}
        </span>
      </h1>
      <p className="muted">
        {m.startsAt && `De ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)} — `}
        {m.place || 'Lieu à préciser'}
        {m.subject && ` — ${m.subject}`}
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {editable && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void navigate(`${base}/modifier`)}>
            Modifier la réunion
          </button>
          {empty && (
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Supprimer la réunion
            </button>
          )}
        </div>
      )}
      {deleting && (
        <Modal
          title="Supprimer la réunion"
          submitLabel="Supprimer"
          danger
          onSubmit={() =>
            void api.clsm.removeMeeting({ id: m.id }).then((result) => {
              if (result.ok) void navigate('/instances/reunions', { state: { notice: 'Réunion supprimée.' } });
              else {
                setDeleting(false);
                setLoadError(result.error.message);
              }
            })
          }
          onCancel={() => setDeleting(false)}
        >
          <p>Cette réunion n’a ni ordre du jour ni invité : elle sera supprimée.</p>
        </Modal>
      )}
      <nav className="tabs" aria-label="Réunion">
        <NavLink to={`${base}/ordre-du-jour`}>Ordre du jour</NavLink>
        <NavLink to={`${base}/invites`}>Invités et convocations</NavLink>
        <NavLink to={`${base}/presence`}>Présence</NavLink>
        <NavLink to={`${base}/compte-rendu`}>Compte rendu</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="ordre-du-jour" replace />} />
        <Route path="ordre-du-jour" element={<ClsmAgendaTab meeting={m} canEdit={editable} onChanged={changed} />} />
        <Route
          path="invites"
          element={<InviteesTab meeting={m} canEdit={editable} canPrint={can(session, 'clsm.convocations')} onChanged={changed} />}
        />
        <Route path="presence" element={<AttendanceTab meeting={m} canEdit={editable} onChanged={changed} />} />
        <Route path="compte-rendu" element={<ClsmMinutesTab meeting={m} session={session} onChanged={changed} />} />
        {editable && (
          <Route
            path="modifier"
            element={
              <ClsmMeetingForm
                meeting={m}
                onSaved={(saved) => {
                  setMeeting(saved);
                  void navigate(`${base}/ordre-du-jour`, { state: { notice: saved === m ? null : 'Réunion modifiée.' } });
                }}
              />
            }
          />
        )}
      </Routes>
    </section>
  );
}
