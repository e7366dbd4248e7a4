import { FormEvent, useState } from 'react';
import { api, DocumentFile, SessionInfo } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useApiForm } from '../components/useApiForm';

export interface InitializedResult {
  session: SessionInfo;
  recoveryKey: string;
  recoverySheet: DocumentFile;
}

export function SetupPage({ onInitialized }: { onInitialized: (result: InitializedResult) => void }) {
  const [form, setForm] = useState({ establishmentName: '', displayName: '', login: '', password: '', passwordConfirmation: '' });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => api.setup.initialize(form), onInitialized);
  };

  return (
    <main className="centered">
      <div className="card wide">
        <h1>Initialisation</h1>
        <p>
          Première utilisation de la Commission CLSM sur ce poste. Les données seront chiffrées sur ce poste ; elles ne s’ouvriront qu’avec
          votre mot de passe ou la clé de récupération remise à la fin de cette étape.
        </p>
        {error && !error.fields && <ErrorAlert error={error} />}
        <form onSubmit={onSubmit} noValidate>
          <Field
            label="Nom de l’établissement"
            value={form.establishmentName}
            onChange={set('establishmentName')}
            error={fieldError('establishmentName')}
            required
            autoComplete="organization"
          />
          <Field
            label="Votre nom affiché"
            value={form.displayName}
            onChange={set('displayName')}
            error={fieldError('displayName')}
            required
            autoComplete="name"
          />
          <Field
            label="Identifiant"
            hint="Lettres sans accent, chiffres, point ou tiret (par exemple f.marchal)."
            value={form.login}
            onChange={set('login')}
            error={fieldError('login')}
            required
            autoComplete="username"
          />
          <NewPasswordFields
            label="Mot de passe"
            hint="Au moins 12 caractères. Une phrase facile à retenir convient très bien."
            value={form.password}
            confirmation={form.passwordConfirmation}
            onChange={(v) => setForm({ ...form, password: v })}
            onConfirmationChange={(v) => setForm({ ...form, passwordConfirmation: v })}
            error={fieldError('password')}
            confirmationError={fieldError('passwordConfirmation')}
          />
          {error?.fields && <Alert>Vérifiez les champs signalés.</Alert>}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Création de la base chiffrée…' : 'Initialiser'}
          </button>
        </form>
      </div>
    </main>
  );
}
