import { useCallback, useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, SessionInfo, SituationDetail } from '../../api';
import { can } from '../../app/permissions';
import { Alert, ErrorAlert } from '../../components/Alert';
import { CLOSURE_REASONS, formatDay } from '../../labels';
import { CloseDialog, EligibilityDialog, WithdrawDialog } from './Dialogs';
import { ConsentForm } from './ConsentForm';
import { ConsentTab } from './ConsentTab';
import { DocumentsTab } from './DocumentsTab';
import { HistoryTab } from './HistoryTab';
import { Preconditions } from './Preconditions';
import { ReferralPage } from './ReferralPage';
import { ReferralTab, PersonTab } from './ReferralTab';
import { StateBadge } from './StateBadge';

type Dialog = 'eligibility' | 'consent' | 'withdraw' | 'close' | null;

/** One situation's page: opening it is recorded in the audit trail (G8) by the main process. */
export function SituationPage({ session }: { session: SessionInfo }) {
  const id = Number(useParams().id);
  const location = useLocation();
  const navigate = useNavigate();
  const [situation, setSituation] = useState<SituationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const keeper = can(session, 'situations.saveReferral');

  const load = useCallback(async () => {
    const result = await api.situations.get({ id });
    if (result.ok) setSituation(result.value);
    else setLoadError(result.error.message);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  /** After a change: the returned detail replaces the page, with a message. */
  const changed = (detail: SituationDetail, message: string) => {
    setSituation(detail);
    setDialog(null);
    setError(null);
    setNotice(message);
  };
  const advance = async (to: 'awaiting_consent' | 'ready') => {
    setNotice(null);
    const result = await api.situations.advance({ id, to });
    if (result.ok)
      changed(
        result.value,
        to === 'ready' ? 'La situation est prête à être inscrite à l’ordre du jour.' : 'Consentement demandé à la personne.',
      );
    else setError(result.error);
  };

  if (loadError) return <Alert>{loadError}</Alert>;
  if (!situation) return <p aria-busy="true">Chargement…</p>;
  const s = situation;
  const current = s.consents[0] ?? null;
  const open = s.state !== 'closed' && s.state !== 'rejected';
  const base = `/situations/${s.id}`;

  return (
    <section>
      <h1>
        Situation {s.code} <StateBadge state={s.state} />
      </h1>
      <p className="muted">
        Reçue le {formatDay(s.receivedOn)} de {s.referrerName} ({s.structureName})
        {s.closureReason &&
          ` — clôturée le ${formatDay(s.closedOn!)} : ${CLOSURE_REASONS[s.closureReason]}${s.closureNote ? ` (${s.closureNote})` : ''}`}
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && !dialog && <ErrorAlert error={error} />}
      {open && <Preconditions items={s.preconditions} />}
      {keeper && open && (
        <div className="actions">
          {s.state === 'received' && (
            <button type="button" className="primary" onClick={() => setDialog('eligibility')}>
              Décider de la recevabilité
            </button>
          )}
          {s.moves.includes('awaiting_consent') && (
            <button type="button" className="secondary" onClick={() => void advance('awaiting_consent')}>
              Consentement demandé
            </button>
          )}
          {s.state !== 'received' && (
            <button type="button" className="secondary" onClick={() => setDialog('consent')}>
              {current ? 'Enregistrer un nouveau consentement' : 'Enregistrer le consentement'}
            </button>
          )}
          {s.moves.includes('ready') && (
            <button type="button" className="primary" onClick={() => void advance('ready')}>
              Prête pour l’ordre du jour
            </button>
          )}
          {current?.status === 'in_force' && (
            <button type="button" className="danger" onClick={() => setDialog('withdraw')}>
              Retrait du consentement
            </button>
          )}
          {s.moves.includes('closed') && (
            <button type="button" className="secondary" onClick={() => setDialog('close')}>
              Clôturer
            </button>
          )}
        </div>
      )}
      <nav className="tabs" aria-label="Situation">
        <NavLink to={`${base}/saisine`}>Saisine</NavLink>
        <NavLink to={`${base}/personne`}>Personne</NavLink>
        <NavLink to={`${base}/consentement`}>Consentement</NavLink>
        <NavLink to={`${base}/historique`}>Historique</NavLink>
        {keeper && <NavLink to={`${base}/documents`}>Documents</NavLink>}
      </nav>
      <Routes>
        <Route index element={<Navigate to="saisine" replace />} />
        <Route path="saisine" element={<ReferralTab situation={s} canEdit={keeper && s.state !== 'closed'} />} />
        <Route path="personne" element={<PersonTab situation={s} />} />
        <Route path="consentement" element={<ConsentTab situation={s} canKeep={keeper} onChanged={changed} />} />
        <Route path="historique" element={<HistoryTab situationId={s.id} version={s.updatedAt + s.consents.length} />} />
        {keeper && <Route path="documents" element={<DocumentsTab situation={s} session={session} />} />}
        {keeper && (
          <Route
            path="modifier"
            element={
              <ReferralPage
                situation={s}
                onSaved={(saved) => {
                  changed(saved, 'Saisine modifiée.');
                  void navigate(`${base}/saisine`);
                }}
              />
            }
          />
        )}
      </Routes>
      {dialog === 'eligibility' && <EligibilityDialog situation={s} onDone={changed} onCancel={() => setDialog(null)} />}
      {dialog === 'consent' && <ConsentForm situation={s} onDone={changed} onCancel={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawDialog situation={s} onDone={changed} onCancel={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog situation={s} onDone={changed} onCancel={() => setDialog(null)} />}
    </section>
  );
}
