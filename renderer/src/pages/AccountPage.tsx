import { FormEvent, useState } from 'react';
import { api, SessionInfo } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { useApiForm } from '../components/useApiForm';
import { useCountdown } from '../components/useCountdown';
import { ROLE_LABELS } from '../labels';

const EMPTY = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };

export function AccountPage({ session }: { session: SessionInfo }) {
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();
  const wait = useCountdown(error?.retryAfterMs);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void submit(
      () => api.users.changePassword(form),
      () => {
        setForm(EMPTY);
        setDone(true);
      },
    );
  };
  return (
    <section>
      <h1>Mon compte</h1>
      <dl className="facts">
        <dt>Nom affiché</dt>
        <dd>{session.displayName}</dd>
        <dt>Identifiant</dt>
        <dd>{session.login}</dd>
        <dt>Rôle</dt>
        <dd>{ROLE_LABELS[session.role]}</dd>
      </dl>
      <h2>Changer mon mot de passe</h2>
      {done && <Alert kind="success">Mot de passe modifié. Il vous sera demandé au prochain déverrouillage.</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <Field
          label="Mot de passe actuel"
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={set('currentPassword')}
          error={fieldError('currentPassword')}
          required
        />
        <Field
          label="Nouveau mot de passe"
          hint="Au moins 12 caractères."
          type="password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={set('newPassword')}
          error={fieldError('newPassword')}
          required
        />
        <Field
          label="Confirmation du nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          value={form.newPasswordConfirmation}
          onChange={set('newPasswordConfirmation')}
          error={fieldError('newPasswordConfirmation')}
          required
        />
        {wait > 0 && (
          <p className="wait" role="status">
            Nouvel essai possible dans {wait} s.
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || wait > 0}>
          {busy ? 'Enregistrement…' : 'Changer le mot de passe'}
        </button>
      </form>
    </section>
  );
}
