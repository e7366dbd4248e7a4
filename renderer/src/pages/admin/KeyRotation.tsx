import { api, ApiError, KeyRotation } from '../../api';
import { Alert } from '../../components/Alert';
import { PasswordDialog } from '../../components/PasswordDialog';
import { RecoveryKeyPanel } from '../../components/RecoveryKeyPanel';
import { usePasswordAction } from '../../components/usePasswordAction';

/**
 * « Changer la clé de chiffrement »: offered at once when a user leaves or a password was
 * compromised (`offer` says why), and always available. The main process re-encrypts the base.
 */
export function KeyRotationSection(props: {
  offer: string | null;
  onDismissOffer: () => void;
  onRotated: (rotation: KeyRotation) => void;
  onRefused: (error: ApiError) => void;
}) {
  const action = usePasswordAction();
  const start = () => {
    props.onDismissOffer();
    action.open();
  };
  return (
    <section aria-labelledby="key-rotation-title">
      <h2 id="key-rotation-title">Clé de chiffrement</h2>
      {props.offer && (
        <Alert kind="info">
          <p>{props.offer}</p>
          <div className="row-actions">
            <button type="button" className="primary small" onClick={start}>
              Changer la clé maintenant
            </button>
            <button type="button" className="secondary small" onClick={props.onDismissOffer}>
              Plus tard
            </button>
          </div>
        </Alert>
      )}
      <p className="hint">
        Une copie ancienne du trousseau (celle de chaque sauvegarde, ou une copie faite par un utilisateur parti) ouvre la base avec les
        mots de passe de l’époque. Changer la clé rechiffre toute la base : ces copies n’ouvrent plus que les sauvegardes antérieures.
      </p>
      <button type="button" className="secondary" onClick={start}>
        Changer la clé de chiffrement
      </button>
      {action.dialog.busy && (
        <p role="status" className="hint">
          Rechiffrement de la base en cours… Ne fermez pas l’application.
        </p>
      )}
      {action.asking && (
        <PasswordDialog
          title="Changer la clé de chiffrement"
          confirmLabel="Changer la clé"
          {...action.dialog}
          onConfirm={(password) =>
            void action.confirm(() => api.users.rotateKey({ actorPassword: password }), props.onRotated, props.onRefused)
          }
        >
          <p>Toute la base est rechiffrée avec une nouvelle clé. Votre mot de passe reste le même.</p>
          <p>
            Chaque autre utilisateur actif reçoit un mot de passe provisoire, affiché une seule fois, qu’il devra changer à son prochain
            déverrouillage. Une nouvelle clé de récupération remplace l’ancienne : imprimez sa fiche.
          </p>
        </PasswordDialog>
      )}
    </section>
  );
}

/** What the rotation hands on, shown once: the temporary passwords and the new recovery key. */
export function KeyRotationDone({ rotation, onDone }: { rotation: KeyRotation; onDone: () => void }) {
  return (
    <section>
      <h1>Nouvelle clé de chiffrement</h1>
      <Alert kind="success">La base a été rechiffrée : aucune copie antérieure du trousseau ne l’ouvre plus.</Alert>
      <h2>Mots de passe provisoires</h2>
      {rotation.temporaryPasswords.length === 0 ? (
        <p>Aucun autre compte actif.</p>
      ) : (
        <>
          <p>
            À communiquer de vive voix à chaque personne. <strong>Ils ne seront plus affichés.</strong> Chacun devra choisir son mot de
            passe au prochain déverrouillage.
          </p>
          <table className="data">
            <caption className="visually-hidden">Mots de passe provisoires</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Identifiant</th>
                <th scope="col">Mot de passe provisoire</th>
              </tr>
            </thead>
            <tbody>
              {rotation.temporaryPasswords.map((user) => (
                <tr key={user.login}>
                  <td>{user.displayName}</td>
                  <td>{user.login}</td>
                  <td className="recovery-key">{user.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Nouvelle clé de récupération</h2>
      <RecoveryKeyPanel recoveryKey={rotation.recoveryKey} recoverySheet={rotation.recoverySheet} onConfirmed={onDone} />
    </section>
  );
}
