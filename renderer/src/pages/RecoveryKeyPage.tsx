import { useId, useState } from 'react';
import type { DocumentFile } from '../api';
import { saveDocument } from '../documents';

export function RecoveryKeyPage(props: { recoveryKey: string; recoverySheet: DocumentFile; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  const [saved, setSaved] = useState(false);
  const checkboxId = useId();
  return (
    <main className="centered">
      <div className="card wide">
        <h1>Clé de récupération</h1>
        <p>
          Cette clé permet de rouvrir les données si le mot de passe de la coordination est perdu.{' '}
          <strong>Elle ne sera plus jamais affichée.</strong> Imprimez la fiche de récupération et rangez-la au coffre de l’établissement.
        </p>
        <p className="recovery-key" aria-label="Clé de récupération">
          {props.recoveryKey}
        </p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            saveDocument(props.recoverySheet);
            setSaved(true);
          }}
        >
          Enregistrer la fiche de récupération (PDF)
        </button>
        {saved && <p className="hint">Fiche enregistrée : ouvrez-la et imprimez-la, puis supprimez le fichier.</p>}
        <div className="checkbox">
          <input id={checkboxId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          <label htmlFor={checkboxId}>J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.</label>
        </div>
        <button type="button" className="primary" disabled={!stored} onClick={props.onDone}>
          Continuer
        </button>
      </div>
    </main>
  );
}
