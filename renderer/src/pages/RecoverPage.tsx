import { FormEvent, useState } from 'react';
import { api, SessionInfo } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useApiForm } from '../components/useApiForm';

export function RecoverPage(props: { onUnlocked: (session: SessionInfo) => void; onBack: () => void }) {
  const [form, setForm] = useState({ recoveryKey: '', login: '', newPassword: '', newPasswordConfirmation: '' });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => api.session.recover(form), props.onUnlocked);
  };
  return (
    <main className="centered">
      <div className="card wide">
        <h1>Déverrouiller avec la clé de récupération</h1>
        <p>Saisissez la clé de la fiche de récupération, l’identifiant d’un compte de coordination et son nouveau mot de passe.</p>
        {error && !error.fields && <ErrorAlert error={error} />}
        <form onSubmit={onSubmit} noValidate>
          <Field
            label="Clé de récupération"
            hint="8 groupes de 4 caractères ; tirets et majuscules facultatifs."
            value={form.recoveryKey}
            onChange={set('recoveryKey')}
            error={fieldError('recoveryKey')}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <Field
            label="Identifiant (coordination)"
            value={form.login}
            onChange={set('login')}
            error={fieldError('login')}
            autoComplete="username"
            required
          />
          <NewPasswordFields
            label="Nouveau mot de passe"
            hint="Au moins 12 caractères."
            value={form.newPassword}
            confirmation={form.newPasswordConfirmation}
            onChange={(v) => setForm({ ...form, newPassword: v })}
            onConfirmationChange={(v) => setForm({ ...form, newPasswordConfirmation: v })}
            error={fieldError('newPassword')}
            confirmationError={fieldError('newPasswordConfirmation')}
          />
          {error?.fields && <Alert>Vérifiez les champs signalés.</Alert>}
          <div className="actions">
            <button type="button" className="secondary" onClick={props.onBack}>
              Retour
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Vérification…' : 'Déverrouiller et changer le mot de passe'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
