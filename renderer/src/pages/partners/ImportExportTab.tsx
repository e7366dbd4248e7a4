import { ChangeEvent, useState } from 'react';
import { api, ImportReport } from '../../api';
import { Alert } from '../../components/Alert';
import { saveDocument } from '../../documents';

const COLUMNS =
  'Structure ; Secteur ; Adresse ; Convention signée le ; Signataire de la convention ; Nom ; Prénom ; Fonction ; Catégorie ; Courriel ; Téléphone ; Type de membre';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportExportTab() {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setReport(null);
    setError(null);
    if (!chosen) return setFile(null);
    const base64 = await toBase64(chosen);
    setFile({ name: chosen.name, base64 });
    setBusy(true);
    const result = await api.partners.importDirectory({ base64, commit: false });
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    const result = await api.partners.importDirectory({ base64: file.base64, commit: true });
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  };
  const exportCsv = async () => {
    const result = await api.partners.exportDirectory({});
    if (result.ok) saveDocument(result.value);
    else setError(result.error.message);
  };
  const errors = report?.lines.filter((l) => l.status === 'error') ?? [];
  const toCreate = report?.lines.filter((l) => l.status === 'new').length ?? 0;

  return (
    <>
      <h1>Import et export de l’annuaire</h1>
      <p>
        Fichier CSV au format des tableurs français : séparateur point-virgule, encodage UTF-8 ou Windows-1252, une ligne par membre.
        Colonnes :
      </p>
      <p className="muted">{COLUMNS}</p>
      <p>
        Le fichier est d’abord vérifié ligne par ligne ; <strong>rien n’est importé si une seule ligne est erronée</strong>.
      </p>
      <div className="field narrow">
        <label htmlFor="import-file">Fichier CSV à importer</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
      </div>
      {busy && <p role="status">Vérification du fichier…</p>}
      {error && <Alert>{error}</Alert>}
      {report && report.fileErrors.length > 0 && <Alert>Fichier refusé : {report.fileErrors.join(' ; ')}.</Alert>}
      {report && report.fileErrors.length === 0 && !report.committed && (
        <>
          <p role="status">
            {report.lines.length} ligne{report.lines.length > 1 ? 's' : ''} lue{report.lines.length > 1 ? 's' : ''} (encodage{' '}
            {report.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}) : {toCreate} à créer, {report.unchanged} déjà présente
            {report.unchanged > 1 ? 's' : ''}, {errors.length} en erreur.
          </p>
          {errors.length > 0 ? (
            <>
              <Alert>Le fichier contient des erreurs : rien ne sera importé tant qu’elles ne sont pas corrigées.</Alert>
              <table className="data">
                <caption>Rapport de validation</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Erreurs</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.map((l) => (
                    <tr key={l.line}>
                      <td>{l.line}</td>
                      <td>{l.errors.join(' ; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <button type="button" className="primary" disabled={busy || toCreate === 0} onClick={() => void commit()}>
              Importer {toCreate} ligne{toCreate > 1 ? 's' : ''}
            </button>
          )}
        </>
      )}
      {report?.committed && (
        <Alert kind="success">
          Import terminé : {report.structuresCreated} structure{report.structuresCreated > 1 ? 's' : ''} et {report.membersCreated} membre
          {report.membersCreated > 1 ? 's' : ''} créés.
        </Alert>
      )}
      <h2>Exporter</h2>
      <p>Les structures et membres actifs, dans le même format (UTF-8, lisible par Excel).</p>
      <button type="button" className="secondary" onClick={() => void exportCsv()}>
        Exporter l’annuaire (CSV)
      </button>
    </>
  );
}
