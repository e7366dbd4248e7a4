import { useId, useState } from 'react';
import { api, ApiError, DocumentFile } from '../api';
import { saveDocument } from '../documents';
import { ErrorAlert } from './Alert';

/**
 * A recovery key shown once: its sheet to save and print, and the confirmation that it is stored,
 * which the main process records (until then, nothing else can be done — even after a reload).
 */
export function RecoveryKeyPanel(props: { recoveryKey: string; recoverySheet: DocumentFile; onConfirmed: () => void }) {
  const [stored, setStored] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const checkboxId = useId();
  const confirm = async () => {
    const result = await api.recovery.confirmStored({});
    if (result.ok) props.onConfirmed();
    else setError(result.error);
  };
  return (
    <>
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
      {error && <ErrorAlert error={error} />}
      <div className="checkbox">
        <input id={checkboxId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        <label htmlFor={checkboxId}>J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.</label>
      </div>
      <button type="button" className="primary" disabled={!stored} onClick={() => void confirm()}>
        Continuer
      </button>
    </>
  );
}
