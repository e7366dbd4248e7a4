import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { flushDrafts, useLeaveGuard } from '../components/unsaved';
import { intendedLockRunning } from './intended-lock';
import { BrowserRouter, Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { api, SessionInfo } from '../api';
import { ROLE_LABELS } from '../labels';
import { AccountPage } from '../pages/AccountPage';
import { ChooseOwnPasswordPage } from '../pages/ChooseOwnPasswordPage';
import { Alert } from '../components/Alert';
import { KeyRotationRequiredPage } from '../pages/KeyRotationRequiredPage';
import { RecoveryKeyPendingPage } from '../pages/RecoveryKeyPendingPage';
import { AdministrationPage } from '../pages/admin/AdministrationPage';
import { backupReminderText } from '../pages/admin/BackupsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { PartnersPage } from '../pages/partners/PartnersPage';
import { SituationsPage } from '../pages/situations/SituationsPage';
import { ClsmPage } from '../pages/clsm/ClsmPage';
import { TrainingPage } from '../pages/training/TrainingPage';
import { MeetingsPage } from '../pages/meetings/MeetingsPage';
import { NAVIGATION, navigationFor } from './navigation';
import { formatMoment } from '../../../electron/shared/dates';
import { opens } from './permissions';

// The charts' library is loaded with the page that draws them.
const EvaluationPage = lazy(() => import('../pages/evaluation/EvaluationPage').then((m) => ({ default: m.EvaluationPage })));

const POLL_MS = 2000;
const ACTIVITY_THROTTLE_MS = 15_000;

/** The inactivity lock is announced this long before it comes. */
const LOCK_WARNING_MS = 60_000;

/**
 * Reports user input to the main process (which decides the auto-lock), notices a lock made there,
 * and returns when the coming lock is due (within a minute), for the warning.
 */
function useSessionWatch(onLocked: (notice: string | null) => void): { lockAt: number | null; stayActive: () => void } {
  const lastReport = useRef(Date.now());
  const [lockAt, setLockAt] = useState<number | null>(null);
  const warned = useRef(false);
  const stayActive = useCallback(() => {
    lastReport.current = Date.now();
    warned.current = false;
    setLockAt(null);
    void api.session.activity({});
  }, []);
  useEffect(() => {
    const onInput = () => {
      // While the warning shows, any input counts at once.
      if (!warned.current && Date.now() - lastReport.current < ACTIVITY_THROTTLE_MS) return;
      stayActive();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true });
    const poll = async () => {
      if (intendedLockRunning()) return;
      const info = await api.session.info({});
      if (!info.ok) return;
      if (info.value === null) {
        onLocked('L’application a été verrouillée (inactivité ou verrouillage du poste).');
        return;
      }
      const left = info.value.lockInMs;
      warned.current = left !== null && left <= LOCK_WARNING_MS;
      setLockAt(warned.current ? Date.now() + left! : null);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      for (const name of events) window.removeEventListener(name, onInput);
      clearInterval(timer);
    };
  }, [onLocked, stayActive]);
  return { lockAt, stayActive };
}

/** « Verrouillage dans 45 s » with a way to stay: typing in a form does not count as absence. */
function LockWarning({ lockAt, onStay }: { lockAt: number; onStay: () => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((lockAt - now) / 1000));
  return (
    <div className="banner lock-warning" role="alert">
      <p>Verrouillage dans {seconds} s faute d’activité. Ce que vous avez saisi est gardé en brouillon.</p>
      <button type="button" className="primary" onClick={onStay}>
        Continuer
      </button>
    </div>
  );
}

/**
 * No verified backup within the configured period: shown from the unlock on, refreshed as the user
 * moves (a backup just made clears it); « Plus tard » hides it except on the dashboard.
 */
function BackupReminderBanner({ session }: { session: SessionInfo }) {
  const [reminder, setReminder] = useState(session.backupReminder);
  const [dismissed, setDismissed] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!session.backupReminder) return;
    void api.session.info({}).then((r) => r.ok && r.value && setReminder(r.value.backupReminder));
  }, [pathname, session.backupReminder]);
  const onDashboard = pathname === '/';
  if (!reminder || (dismissed && !onDashboard) || pathname.startsWith('/administration/sauvegardes')) return null;
  return (
    <div className="banner" role="status">
      <p>
        {backupReminderText(reminder)} <Link to="/administration/sauvegardes">Faire une sauvegarde</Link>
      </p>
      {!onDashboard && !dismissed && (
        <button type="button" className="secondary" onClick={() => setDismissed(true)}>
          Plus tard
        </button>
      )}
    </div>
  );
}

/** After an unlock with the recovery key: the key left its envelope, a new one is asked for until made. */
function RecoveryKeyUsedBanner({ session }: { session: SessionInfo }) {
  const [usedAt, setUsedAt] = useState(session.recoveryKeyUsedAt);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!session.recoveryKeyUsedAt) return;
    void api.session.info({}).then((r) => r.ok && r.value && setUsedAt(r.value.recoveryKeyUsedAt));
  }, [pathname, session.recoveryKeyUsedAt]);
  if (!usedAt) return null;
  return (
    <div className="banner" role="status">
      <p>
        La clé de récupération a servi le {formatMoment(usedAt)} : elle n’est plus secrète. Générez-en une nouvelle et rangez sa fiche.{' '}
        <Link to="/administration/parametres#cle-de-recuperation">Générer une nouvelle clé</Link>
      </p>
    </div>
  );
}

export function Shell({
  session,
  onLocked,
  onSessionChanged,
}: {
  session: SessionInfo;
  onLocked: (notice: string | null) => void;
  onSessionChanged: () => void;
}) {
  const { lockAt, stayActive } = useSessionWatch(onLocked);
  useLeaveGuard();
  const lock = async () => {
    // What is being typed is saved as a draft while the session is still open.
    await flushDrafts();
    await api.session.lock({});
    onLocked(null);
  };
  const items = navigationFor(session);
  return (
    <BrowserRouter>
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <div className="layout">
        <header className="topbar">
          <div className="brand">
            <span className="app-name">Commission CLSM</span>
            {session.establishmentName && <span className="establishment">{session.establishmentName}</span>}
          </div>
          <div className="user">
            <NavLink to="/mon-compte" className="account-link">
              {session.displayName} · {ROLE_LABELS[session.role]}
            </NavLink>
            <button type="button" className="lock" onClick={() => void lock()}>
              Verrouiller
            </button>
          </div>
        </header>
        <nav className="sidebar" aria-label="Navigation principale">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" id="contenu" tabIndex={-1}>
          {lockAt !== null && <LockWarning lockAt={lockAt} onStay={stayActive} />}
          {session.securityNotices.map((notice) => (
            <Alert key={notice}>{notice}</Alert>
          ))}
          {!session.keyRotationRequired && !session.mustChangePassword && !session.recoveryKeyPending && (
            <>
              <RecoveryKeyUsedBanner session={session} />
              <BackupReminderBanner session={session} />
            </>
          )}
          {session.keyRotationRequired ? (
            <KeyRotationRequiredPage session={session} onDone={onSessionChanged} />
          ) : session.mustChangePassword ? (
            <ChooseOwnPasswordPage session={session} onChanged={onSessionChanged} />
          ) : session.recoveryKeyPending ? (
            <RecoveryKeyPendingPage onDone={onSessionChanged} />
          ) : (
            <Routes>
              <Route path="/" element={<DashboardPage session={session} />} />
              {NAVIGATION.filter((item) => item.upcoming).map((item) => (
                <Route
                  key={item.to}
                  path={item.to}
                  element={
                    <PlaceholderPage
                      title={item.label}
                      description={item.upcoming!}
                      allowed={item.area !== null && opens(session, item.area)}
                    />
                  }
                />
              ))}
              <Route path="/partenaires/*" element={<PartnersPage session={session} />} />
              <Route path="/situations/*" element={<SituationsPage session={session} />} />
              {opens(session, 'meetings') && <Route path="/commissions/*" element={<MeetingsPage session={session} />} />}
              {opens(session, 'clsm') && <Route path="/instances/*" element={<ClsmPage session={session} />} />}
              {opens(session, 'training') && <Route path="/formation/*" element={<TrainingPage session={session} />} />}
              {opens(session, 'evaluation') && (
                <Route
                  path="/evaluation"
                  element={
                    <Suspense fallback={<p aria-busy="true">Chargement…</p>}>
                      <EvaluationPage />
                    </Suspense>
                  }
                />
              )}
              <Route path="/administration/*" element={<AdministrationPage session={session} onLocked={onLocked} />} />
              <Route path="/mon-compte" element={<AccountPage session={session} onSessionChanged={onSessionChanged} />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          )}
        </main>
      </div>
    </BrowserRouter>
  );
}
