import { FormEvent, useState } from 'react';
import { api, SessionInfo } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { useApiForm } from '../components/useApiForm';
import { RetryWait, useCountdown } from '../components/useCountdown';

export function UnlockPage(props: { notice: string | null; onUnlocked: (session: SessionInfo) => void; onRecover: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useApiForm();
  const wait = useCountdown(error?.retryAfterMs);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The password never outlives the attempt, whatever its outcome.
    void submit(() => api.session.unlock({ login, password }), props.onUnlocked).finally(() => setPassword(''));
  };

  return (
    <main className="centered">
      <div className="card">
        <h1>Commission CLSM</h1>
        <p>Les données sont chiffrées. Identifiez-vous pour les ouvrir.</p>
        {props.notice && !error && <Alert kind="info">{props.notice}</Alert>}
        {error && <ErrorAlert error={error} />}
        <RetryWait seconds={wait} />
        <form onSubmit={onSubmit}>
          <Field label="Identifiant" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" required autoFocus />
          <Field
            label="Mot de passe"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="primary" disabled={busy || wait > 0 || !login || !password}>
            {busy ? 'Ouverture…' : 'Déverrouiller'}
          </button>
        </form>
        <p>
          <button type="button" className="link" onClick={props.onRecover}>
            Mot de passe oublié ? Déverrouiller avec la clé de récupération
          </button>
        </p>
      </div>
    </main>
  );
}
