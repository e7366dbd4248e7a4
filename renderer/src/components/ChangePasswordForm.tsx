import { FormEvent, useState } from 'react';
import { api } from '../api';
import { Alert, ErrorAlert } from './Alert';
import { Field } from './Field';
import { NewPasswordFields } from './NewPasswordFields';
import { useApiForm } from './useApiForm';
import { RetryWait, useCountdown } from './useCountdown';

const EMPTY = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };

/** The user changes their own password: the current one, then the new one twice. */
export function ChangePasswordForm({ currentLabel = 'Mot de passe actuel', onDone }: { currentLabel?: string; onDone?: () => void }) {
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
        onDone?.();
      },
    );
  };
  return (
    <>
      {done && <Alert kind="success">Mot de passe modifié. Il vous sera demandé au prochain déverrouillage.</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <Field
          label={currentLabel}
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={set('currentPassword')}
          error={fieldError('currentPassword')}
          required
        />
        <NewPasswordFields
          label="Nouveau mot de passe"
          hint="Au moins 12 caractères, différent de l’actuel."
          value={form.newPassword}
          confirmation={form.newPasswordConfirmation}
          onChange={(v) => setForm({ ...form, newPassword: v })}
          onConfirmationChange={(v) => setForm({ ...form, newPasswordConfirmation: v })}
          error={fieldError('newPassword')}
          confirmationError={fieldError('newPasswordConfirmation')}
        />
        <RetryWait seconds={wait} />
        <button type="submit" className="primary" disabled={busy || wait > 0}>
          {busy ? 'Enregistrement…' : 'Changer le mot de passe'}
        </button>
      </form>
    </>
  );
}
