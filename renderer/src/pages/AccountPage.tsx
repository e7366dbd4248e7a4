import { FormEvent, useState } from 'react';
import { api, SessionInfo } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { Field, SelectField } from '../components/Field';
import { useApiForm } from '../components/useApiForm';
import { CIVILITY_OPTIONS } from '../civilities';
import { ROLE_LABELS } from '../labels';

export function AccountPage({ session, onSessionChanged }: { session: SessionInfo; onSessionChanged?: () => void }) {
  const [profile, setProfile] = useState({ displayName: session.displayName, civility: session.civility });
  const [saved, setSaved] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit(
      () => api.users.updateProfile(profile),
      () => {
        setSaved(true);
        onSessionChanged?.();
      },
    );
  };
  return (
    <section>
      <h1>Mon compte</h1>
      <dl className="facts">
        <dt>Identifiant</dt>
        <dd>{session.login}</dd>
        <dt>Rôle</dt>
        <dd>{ROLE_LABELS[session.role]}</dd>
      </dl>
      <h2>Mon nom sur les documents</h2>
      {saved && <Alert kind="success">Nom et civilité enregistrés : les prochains documents les utiliseront.</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      <form onSubmit={save} className="narrow" noValidate>
        <Field
          label="Nom affiché"
          hint="Imprimé sur les courriers, les attestations et les signatures. Les documents déjà signés gardent l’ancien nom."
          value={profile.displayName}
          onChange={(e) => setProfile({ ...profile, displayName: e.target.value })}
          error={fieldError('displayName')}
        />
        <SelectField
          label="Civilité"
          value={profile.civility}
          onChange={(civility) => setProfile({ ...profile, civility: civility as SessionInfo['civility'] })}
          options={CIVILITY_OPTIONS}
          error={fieldError('civility')}
        />
        <button type="submit" className="primary" disabled={busy}>
          Enregistrer
        </button>
      </form>
      <h2>Changer mon mot de passe</h2>
      <ChangePasswordForm />
    </section>
  );
}
