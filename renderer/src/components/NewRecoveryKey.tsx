import { FormEvent, useState } from 'react';
import { api, NewRecoveryKey as Generated } from '../api';
import { ErrorAlert } from './Alert';
import { Field } from './Field';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { useApiForm } from './useApiForm';
import { RetryWait, useCountdown } from './useCountdown';

/**
 * Generates a new recovery key (the coordinator's password asked again); the previous key stops
 * working at once. Then the new key is shown once, until confirmed stored.
 */
export function NewRecoveryKey({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<Generated | null>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const wait = useCountdown(error?.retryAfterMs);
  if (generated)
    return <RecoveryKeyPanel recoveryKey={generated.recoveryKey} recoverySheet={generated.recoverySheet} onConfirmed={onDone} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => api.recovery.newKey({ actorPassword: password }), setGenerated).finally(() => setPassword(''));
  };
  return (
    <form onSubmit={onSubmit} className="narrow" noValidate>
      <p>La nouvelle clé remplace l’ancienne, qui cessera aussitôt de fonctionner : détruisez l’ancienne fiche.</p>
      {error && !error.fields && <ErrorAlert error={error} />}
      <Field
        label="Votre mot de passe (confirmation)"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('actorPassword')}
        required
      />
      <RetryWait seconds={wait} />
      <button type="submit" className="primary" disabled={busy || wait > 0 || password === ''}>
        {busy ? 'Génération…' : 'Générer une nouvelle clé de récupération'}
      </button>
    </form>
  );
}
