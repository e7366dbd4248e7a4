import { NewRecoveryKey } from '../components/NewRecoveryKey';

/** The recovery key shown earlier was never confirmed stored: it cannot be shown again, so a new one is made. */
export function RecoveryKeyPendingPage({ onDone }: { onDone: () => void }) {
  return (
    <section>
      <h1>Clé de récupération à conserver</h1>
      <p>
        La clé de récupération affichée précédemment n’a pas été confirmée comme imprimée et rangée, et elle ne peut plus être affichée.
        Générez-en une nouvelle et conservez-la avant de continuer.
      </p>
      <NewRecoveryKey onDone={onDone} />
    </section>
  );
}
