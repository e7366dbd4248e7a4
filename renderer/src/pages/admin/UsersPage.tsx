import { UserEditDialog } from './UserEditDialog';
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { of } from '../../grammar';
import { api, ApiError, KeyRotation, Role, SessionInfo, UserSummary } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { PasswordDialog } from '../../components/PasswordDialog';
import { formatDate, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../labels';
import { KeyRotationDone, KeyRotationSection } from './KeyRotation';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));
const EMPTY = { displayName: '', login: '', role: '' as Role | '', password: '', passwordConfirmation: '' };

type Pending =
  | { kind: 'create' }
  | { kind: 'disable'; user: UserSummary }
  | { kind: 'reset'; user: UserSummary; password: string; confirmation: string; compromised: boolean };

export function UsersPage({ session }: { session: SessionInfo }) {
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [rotationOffer, setRotationOffer] = useState<string | null>(null);
  const [rotation, setRotation] = useState<KeyRotation | null>(null);
  const [editing, setEditing] = useState<UserSummary | null>(null);

  const load = useCallback(async () => {
    const result = await api.users.list({});
    if (result.ok) setUsers(result.value);
    else setLoadError(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const fieldError = (name: string) => (pending ? undefined : error?.fields?.[name]);

  const confirm = async (actorPassword: string) => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    const result =
      pending.kind === 'create'
        ? await api.users.create({ ...form, role: form.role as Role, actorPassword })
        : pending.kind === 'disable'
          ? await api.users.disable({ userId: pending.user.id, actorPassword })
          : await api.users.resetPassword({
              userId: pending.user.id,
              newPassword: pending.password,
              newPasswordConfirmation: pending.confirmation,
              actorPassword,
            });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      // A creation refused for its form goes back to the form; everything else stays in the dialog.
      if (pending.kind === 'create' && result.error.code !== 'CONFIRMATION_REQUIRED') setPending(null);
      return;
    }
    setNotice(
      pending.kind === 'create'
        ? `Utilisateur « ${form.displayName} » créé.`
        : pending.kind === 'disable'
          ? `Compte de « ${pending.user.displayName} » désactivé.`
          : `Mot de passe de « ${pending.user.displayName} » réinitialisé.`,
    );
    if (pending.kind === 'create') setForm(EMPTY);
    // A departed user, or a password someone else may know: old keyring copies still open the base.
    if (pending.kind === 'disable') {
      setRotationOffer(
        `« ${pending.user.displayName} » ne peut plus déverrouiller l’application, mais une copie ancienne du trousseau ouvrirait encore la base avec son mot de passe. Changez la clé de chiffrement maintenant.`,
      );
    } else if (pending.kind === 'reset' && pending.compromised) {
      setRotationOffer(
        `L’ancien mot de passe de « ${pending.user.displayName} » a pu être connu d’un tiers : une copie ancienne du trousseau ouvrirait encore la base avec lui. Changez la clé de chiffrement maintenant.`,
      );
    }
    setPending(null);
    await load();
  };

  // The form is checked (fields, login free) before the password is asked, so a mistake is not
  // discovered after typing it.
  const startCreate = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setError(null);
    const check = await api.users.checkNewAccount({ ...form, role: form.role as Role });
    if (check.ok) setPending({ kind: 'create' });
    else setError(check.error);
  };

  if (rotation) {
    return (
      <KeyRotationDone
        rotation={rotation}
        onDone={() => {
          setRotation(null);
          setNotice('Clé de chiffrement changée ; nouvelle clé de récupération conservée.');
          void load();
        }}
      />
    );
  }

  return (
    <>
      <h1>Utilisateurs</h1>
      {loadError && <Alert>{loadError}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && !pending && !error.fields && <ErrorAlert error={error} />}
      <table className="data">
        <caption className="visually-hidden">Utilisateurs de l’application</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Identifiant</th>
            <th scope="col">Rôle</th>
            <th scope="col">Fiche de membre</th>
            <th scope="col">Statut</th>
            <th scope="col">Créé le</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.login}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.member ? user.member.name : user.role === 'animateur' ? <span className="muted">Non reliée</span> : '—'}</td>
              <td>{user.active ? 'Actif' : `Désactivé le ${formatDate(user.disabledAt!)}`}</td>
              <td>{formatDate(user.createdAt)}</td>
              <td>
                <div className="row-actions">
                  {user.active && (
                    <button type="button" className="secondary small" onClick={() => setEditing(user)}>
                      Modifier<span className="visually-hidden"> le compte {of(user.displayName)}</span>
                    </button>
                  )}
                </div>
                {user.active && user.id !== session.userId && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => setPending({ kind: 'reset', user, password: '', confirmation: '', compromised: false })}
                    >
                      Réinitialiser le mot de passe<span className="visually-hidden"> {of(user.displayName)}</span>
                    </button>
                    <button
                      type="button"
                      className="danger small"
                      onClick={() => {
                        setError(null);
                        setPending({ kind: 'disable', user });
                      }}
                    >
                      Désactiver<span className="visually-hidden"> {user.displayName}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <UserEditDialog
          user={editing}
          onCancel={() => setEditing(null)}
          onSaved={(_, message) => {
            setEditing(null);
            setNotice(message);
            void load();
          }}
        />
      )}

      <KeyRotationSection
        offer={rotationOffer}
        onDismissOffer={() => setRotationOffer(null)}
        onRotated={(done) => {
          setNotice(null);
          setRotation(done);
        }}
        onRefused={setError}
      />

      <h2>Nouvel utilisateur</h2>
      <form onSubmit={(event) => void startCreate(event)} className="narrow" noValidate>
        <Field label="Nom affiché" value={form.displayName} onChange={set('displayName')} error={fieldError('displayName')} required />
        <Field
          label="Identifiant"
          hint="Lettres sans accent, chiffres, point ou tiret."
          value={form.login}
          onChange={set('login')}
          error={fieldError('login')}
          required
          autoComplete="off"
        />
        <SelectField
          label="Rôle"
          value={form.role}
          onChange={(role) => setForm({ ...form, role: role as Role })}
          options={ROLE_OPTIONS}
          error={fieldError('role')}
          placeholder="Choisissez un rôle…"
        />
        <ul className="hint role-help" aria-label="Ce que permet chaque rôle">
          {ROLE_OPTIONS.map((option) => (
            <li key={option.value}>
              <strong>{option.label}</strong> : {ROLE_DESCRIPTIONS[option.value]}
            </li>
          ))}
        </ul>
        <NewPasswordFields
          label="Mot de passe initial"
          hint="Au moins 12 caractères, à communiquer de vive voix. Il devra être changé au premier déverrouillage."
          value={form.password}
          confirmation={form.passwordConfirmation}
          onChange={(v) => setForm({ ...form, password: v })}
          onConfirmationChange={(v) => setForm({ ...form, passwordConfirmation: v })}
          error={fieldError('password')}
          confirmationError={fieldError('passwordConfirmation')}
        />
        {error?.fields && !pending && <ErrorAlert error={error} />}
        <button type="submit" className="primary">
          Créer l’utilisateur
        </button>
      </form>

      {pending && (
        <PasswordDialog
          title={
            pending.kind === 'create'
              ? 'Créer l’utilisateur'
              : pending.kind === 'disable'
                ? 'Désactiver le compte'
                : 'Réinitialiser le mot de passe'
          }
          confirmLabel={pending.kind === 'create' ? 'Créer' : pending.kind === 'disable' ? 'Désactiver' : 'Réinitialiser'}
          danger={pending.kind === 'disable'}
          busy={busy}
          focusPassword={pending.kind !== 'reset'}
          error={error ? error.message : null}
          retryAfterMs={error?.retryAfterMs}
          onCancel={() => {
            setPending(null);
            setError(null);
          }}
          onConfirm={(password) => void confirm(password)}
        >
          {pending.kind === 'disable' && (
            <p>« {pending.user.displayName} » ne pourra plus ouvrir l’application. Son historique est conservé.</p>
          )}
          {pending.kind === 'create' && (
            <p>
              Création du compte « {form.displayName || form.login} » ({form.role ? ROLE_LABELS[form.role] : 'rôle à choisir'}).
            </p>
          )}
          {pending.kind === 'reset' && (
            <>
              <p>Nouveau mot de passe pour « {pending.user.displayName} ».</p>
              <Field
                label="Nouveau mot de passe"
                type="password"
                autoComplete="new-password"
                data-autofocus
                value={pending.password}
                onChange={(e) => setPending({ ...pending, password: e.target.value })}
              />
              <Field
                label="Confirmation du nouveau mot de passe"
                type="password"
                autoComplete="new-password"
                value={pending.confirmation}
                onChange={(e) => setPending({ ...pending, confirmation: e.target.value })}
              />
              <div className="checkbox">
                <input
                  id="reset-compromised"
                  type="checkbox"
                  checked={pending.compromised}
                  onChange={(e) => setPending({ ...pending, compromised: e.target.checked })}
                />
                <label htmlFor="reset-compromised">L’ancien mot de passe a pu être connu d’un tiers (noté, partagé, volé)</label>
              </div>
            </>
          )}
        </PasswordDialog>
      )}
    </>
  );
}
