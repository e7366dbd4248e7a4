import type { DocumentFile } from '../api';
import { RecoveryKeyPanel } from '../components/RecoveryKeyPanel';

/** End of the set-up: the recovery key, shown once. */
export function RecoveryKeyPage(props: { recoveryKey: string; recoverySheet: DocumentFile; onDone: () => void }) {
  return (
    <main className="centered">
      <div className="card wide">
        <h1>Clé de récupération</h1>
        <RecoveryKeyPanel recoveryKey={props.recoveryKey} recoverySheet={props.recoverySheet} onConfirmed={props.onDone} />
      </div>
    </main>
  );
}
