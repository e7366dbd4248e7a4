import type { SessionInfo } from '../api';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ROLE_LABELS } from '../labels';

export function AccountPage({ session }: { session: SessionInfo }) {
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
      <ChangePasswordForm />
    </section>
  );
}
