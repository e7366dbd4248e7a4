import { FormEvent, useEffect, useState } from 'react';
import { api, MailFolderView } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';

/**
 * The folder where the app writes e-mail drafts (`.eml`): convocations and encrypted extracts open
 * in the mail client ready to send. A path on this PC or on the hospital share, checked when saved.
 */
export function MailFolderForm() {
  const [view, setView] = useState<MailFolderView | null>(null);
  const [folder, setFolder] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, submit, fieldError } = useApiForm();
  useEffect(() => {
    void api.settings.mailFolder({}).then((r) => {
      if (!r.ok) return setError(r.error);
      setView(r.value);
      setFolder(r.value.folder);
    });
  }, [setError]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit(
      () => api.settings.updateMailFolder({ folder }),
      (v) => {
        setView(v);
        setFolder(v.folder);
        setSaved(true);
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="narrow" noValidate aria-labelledby="mail-folder-title">
      <h2 id="mail-folder-title">Envoi par courriel</h2>
      <p>
        L’application n’envoie rien elle-même : elle écrit des brouillons (fichiers <code>.eml</code>) dans ce dossier. Chacun s’ouvre dans
        votre messagerie prêt à envoyer, avec ses pièces jointes.
      </p>
      {saved && <Alert kind="success">{folder ? 'Dossier des brouillons enregistré.' : 'Dossier des brouillons retiré.'}</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      {view && view.folder !== '' && !view.reachable && (
        <Alert kind="info">
          Le dossier enregistré est introuvable pour le moment (lecteur déconnecté ?) : aucun brouillon ne peut y être écrit.
        </Alert>
      )}
      <Field
        label="Dossier des brouillons de courriels"
        hint="Chemin complet d’un dossier à vous, par exemple C:\Users\coordination\Documents\Courriels CLSM — pas un partage commun : les brouillons contiennent les convocations."
        value={folder}
        onChange={(e) => setFolder(e.target.value)}
        error={fieldError('folder')}
      />
      <button type="submit" className="primary" disabled={busy}>
        Enregistrer le dossier
      </button>
    </form>
  );
}
