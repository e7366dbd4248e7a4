import type { SessionInfo } from '../api';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of the application while the password in use was set by someone else. */
export function ChooseOwnPasswordPage({ session, onChanged }: { session: SessionInfo; onChanged: () => void }) {
  return (
    <section>
      <h1>Choisissez votre mot de passe</h1>
      <p>
        Bonjour {session.displayName}. Votre mot de passe actuel a été défini par la coordination : choisissez-en un que personne d’autre ne
        connaît avant de continuer. Il vous sera demandé à chaque déverrouillage.
      </p>
      <ChangePasswordForm currentLabel="Mot de passe reçu" onDone={onChanged} />
    </section>
  );
}
