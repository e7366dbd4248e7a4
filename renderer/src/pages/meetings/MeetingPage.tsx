import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { api, MeetingDetail, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { formatLongDay, formatTime } from '../../labels';
import { AgendaTab } from './AgendaTab';
import { ConvocationsTab } from './ConvocationsTab';
import { LiveItem } from './LiveItem';
import { MeetingBadge } from './MeetingBadge';
import { MeetingForm } from './MeetingForm';
import { MinutesTab } from './MinutesTab';
import { SessionTab } from './SessionTab';

/** One meeting: its agenda, its convocations and documents, the session. */
export function MeetingPage({ session }: { session: SessionInfo }) {
  const id = Number(useParams().id);
  const location = useLocation();
  const navigate = useNavigate();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const keeper = can(session, 'meetings.save');
  const [deleting, setDeleting] = useState(false);
  // A message belongs to the screen it answers: moving to another tab or item clears it.
  const shownAt = useRef(location.pathname);
  useEffect(() => {
    if (shownAt.current !== location.pathname) setNotice((location.state as { notice?: string } | null)?.notice ?? null);
    shownAt.current = location.pathname;
  }, [location.pathname, location.state]);

  const reload = useCallback(async () => {
    const result = await api.meetings.get({ meetingId: id });
    if (result.ok) setMeeting(result.value);
    else setLoadError(result.error.message);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (loadError) return <Alert>{loadError}</Alert>;
  if (!meeting) return <p aria-busy="true">Chargement…</p>;
  const m = meeting;
  const base = `/commissions/${m.id}`;
  const open = m.state === 'planned' || m.state === 'convened';
  const changed = (message: string) => {
    setNotice(message);
    void reload();
  };

  return (
    <section>
      <h1>
        Séance du {formatLongDay(m.heldOn)} <MeetingBadge state={m.state} />
      </h1>
      <p className="muted">
        De {formatTime(m.startsAt)} à {formatTime(m.endsAt)} — {m.place} — animation : {m.animateur.displayName}
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {keeper && open && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void navigate(`${base}/modifier`)}>
            Modifier la date ou le lieu
          </button>
          {m.state === 'planned' && m.items.length === 0 && (
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Supprimer la séance
            </button>
          )}
        </div>
      )}
      {deleting && (
        <Modal
          title="Supprimer la séance"
          submitLabel="Supprimer"
          danger
          onSubmit={() =>
            void api.meetings.delete({ meetingId: m.id }).then((result) => {
              if (result.ok) void navigate('/commissions');
              else {
                setDeleting(false);
                setLoadError(result.error.message);
              }
            })
          }
          onCancel={() => setDeleting(false)}
        >
          <p>La séance du {formatLongDay(m.heldOn)} n’a ni ordre du jour ni convocation : elle sera supprimée.</p>
        </Modal>
      )}
      <nav className="tabs" aria-label="Séance">
        <NavLink to={`${base}/ordre-du-jour`}>Ordre du jour</NavLink>
        <NavLink to={`${base}/convocations`}>Convocations et documents</NavLink>
        {/* Also current on an item's screen (seance/:itemId): the item belongs to the session. */}
        <NavLink to={`${base}/seance`}>Séance</NavLink>
        {!open && <NavLink to={`${base}/compte-rendu`}>Compte rendu</NavLink>}
      </nav>
      <Routes>
        <Route index element={<Navigate to="ordre-du-jour" replace />} />
        <Route path="ordre-du-jour" element={<AgendaTab meeting={m} canKeep={keeper && open} onChanged={changed} />} />
        <Route path="convocations" element={<ConvocationsTab meeting={m} canKeep={keeper && open} onChanged={changed} />} />
        <Route path="seance" element={<SessionTab meeting={m} canKeep={keeper} onChanged={changed} />} />
        <Route path="seance/:itemId" element={<LiveItem canKeep={keeper} onChanged={() => void reload()} />} />
        <Route path="compte-rendu" element={<MinutesTab meeting={m} canKeep={keeper} onChanged={changed} />} />
        {keeper && (
          <Route
            path="modifier"
            element={
              <MeetingForm
                meeting={m}
                onSaved={(saved) => {
                  setMeeting(saved);
                  void navigate(`${base}/ordre-du-jour`, { state: { notice: 'Séance modifiée.' } });
                }}
              />
            }
          />
        )}
      </Routes>
    </section>
  );
}
