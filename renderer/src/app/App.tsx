// The top-level state machine: loading → (problem | set-up → recovery key) → locked ⇄ unlocked.
// Everything shown while unlocked lives under <Shell>, keyed by the session: locking unmounts it,
// so no piece of data survives in the DOM or in React state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, SessionInfo } from '../api';
import { Alert } from '../components/Alert';
import { InitializedResult, SetupPage } from '../pages/SetupPage';
import { RecoverPage } from '../pages/RecoverPage';
import { RecoveryKeyPage } from '../pages/RecoveryKeyPage';
import { UnlockPage } from '../pages/UnlockPage';
import { Shell } from './Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'problem'; message: string }
  | { kind: 'setup' }
  | ({ kind: 'recoveryKey' } & InitializedResult)
  | { kind: 'locked'; notice: string | null }
  | { kind: 'recover' }
  | { kind: 'unlocked'; session: SessionInfo; key: number };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const status = await api.setup.status({});
    if (!status.ok) return setPhase({ kind: 'problem', message: status.error.message });
    const { state, problem } = status.value;
    if (problem) return setPhase({ kind: 'problem', message: problem });
    if (state === 'uninitialized') return setPhase({ kind: 'setup' });
    if (state === 'unlocked') {
      const info = await api.session.info({});
      if (info.ok && info.value) return setPhase({ kind: 'unlocked', session: info.value, key: Date.now() });
    }
    setPhase({ kind: 'locked', notice: null });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Where the user was when the app locked: kept in memory only (the address bar is cleared), and
  // given back to the same user at unlock — another user starts from the dashboard.
  const lockedAt = useRef<{ userId: number; path: string } | null>(null);

  const onLocked = useCallback((notice: string | null) => {
    setPhase((current) => {
      if (current.kind === 'unlocked') lockedAt.current = { userId: current.session.userId, path: window.location.pathname };
      return { kind: 'locked', notice };
    });
    window.history.replaceState(null, '', '/');
  }, []);

  const unlocked = (session: SessionInfo) => {
    const back = lockedAt.current;
    lockedAt.current = null;
    if (back && back.userId === session.userId) window.history.replaceState(null, '', back.path);
    setPhase({ kind: 'unlocked', session, key: Date.now() });
  };

  switch (phase.kind) {
    case 'loading':
      return (
        <main className="centered" aria-busy="true">
          <p>Chargement…</p>
        </main>
      );
    case 'problem':
      return (
        <main className="centered">
          <div className="card">
            <h1>Impossible d’ouvrir les données</h1>
            <Alert>{phase.message}</Alert>
          </div>
        </main>
      );
    case 'setup':
      return <SetupPage onInitialized={(result) => setPhase({ kind: 'recoveryKey', ...result })} />;
    case 'recoveryKey':
      return (
        <RecoveryKeyPage
          recoveryKey={phase.recoveryKey}
          recoverySheet={phase.recoverySheet}
          // Confirmed stored: the coordinator is already signed in and goes on to the dashboard.
          onDone={() => void refresh()}
        />
      );
    case 'locked':
      return <UnlockPage notice={phase.notice} onUnlocked={unlocked} onRecover={() => setPhase({ kind: 'recover' })} />;
    case 'recover':
      return <RecoverPage onUnlocked={unlocked} onBack={() => setPhase({ kind: 'locked', notice: null })} />;
    case 'unlocked':
      return <Shell key={phase.key} session={phase.session} onLocked={onLocked} onSessionChanged={() => void refresh()} />;
  }
}
