import { useState } from 'react';
import type { Result } from '../../../../electron/ipc/contract';
import { CATEGORIES, MEMBERSHIPS, SECTORS } from '../../../../electron/shared/vocabulary';
import { api, DocumentFile, ImportReport } from '../../api';
import { Alert } from '../../components/Alert';
import { FilePicker } from '../../components/FilePicker';
import { saveDocument } from '../../documents';
import { readAsBase64 } from '../../files';

const COLUMNS =
  'Structure ; Secteur ; Adresse ; Convention signée le ; Signataire de la convention ; Nom ; Prénom ; Fonction ; Catégorie ; Courriel ; Téléphone ; Type de membre';

/** The largest file the import accepts (its base64 is checked again by the main process). */
const MAX_FILE_BYTES = 6 * 1024 * 1024;

const labels = (values: Record<string, string>) => Object.values(values).join(' ; ');

export function ImportExportTab() {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** Runs one call with its progress message; whatever happens, the busy state ends. */
  const run = async <T,>(progress: string, call: () => Promise<Result<T>>, onValue: (value: T) => void) => {
    setBusy(progress);
    setError(null);
    try {
      const result = await call();
      if (result.ok) onValue(result.value);
      else setError(result.error.message);
    } catch {
      setError('La communication avec l’application a échoué : réessayez.');
    } finally {
      setBusy(null);
    }
  };
  const choose = async (chosen: File) => {
    setReport(null);
    const base64 = await readAsBase64(chosen);
    setFile({ name: chosen.name, base64 });
    await run('Vérification du fichier…', () => api.partners.importDirectory({ base64, commit: false }), setReport);
  };
  const commit = () =>
    file && run('Import en cours…', () => api.partners.importDirectory({ base64: file.base64, commit: true }), setReport);
  const download = (call: () => Promise<Result<DocumentFile>>) => run('Préparation du fichier…', call, saveDocument);
  const errors = report?.lines.filter((l) => l.status === 'error') ?? [];
  const created = report?.lines.filter((l) => l.status === 'new') ?? [];
  const toCreate = created.length;
  const neutralized = report?.lines.filter((l) => l.status !== 'error' && l.neutralized.length > 0) ?? [];
  const toUpdate = report?.lines.filter((l) => l.status === 'update') ?? [];
  const toWrite = toCreate + toUpdate.length;

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
      <details className="allowed-values">
        <summary>Valeurs acceptées</summary>
        <dl>
          <dt>Secteur</dt>
          <dd>{labels(SECTORS)}</dd>
          <dt>Catégorie</dt>
          <dd>{labels(CATEGORIES)}</dd>
          <dt>Type de membre</dt>
          <dd>{labels(MEMBERSHIPS)} (vide : membre permanent)</dd>
          <dt>Convention signée le</dt>
          <dd>jj/mm/aaaa, par exemple 15/01/2026 ; vide si la convention n’est pas signée (avec son signataire)</dd>
        </dl>
      </details>
      <p>
        <button type="button" className="secondary" onClick={() => void download(() => api.partners.importTemplate({}))}>
          Télécharger un modèle de fichier (CSV)
        </button>
      </p>
      <FilePicker
        label="Fichier CSV à importer"
        accept=".csv,text/csv"
        maxBytes={MAX_FILE_BYTES}
        hint="6 Mo au plus. Après une correction, choisissez à nouveau le fichier : il est relu."
        disabled={busy !== null}
        onFile={(chosen) => void choose(chosen)}
        onRefused={(message) => {
          setReport(null);
          setError(message);
        }}
      />
      {busy && <p role="status">{busy}</p>}
      {error && <Alert>{error}</Alert>}
      {report && report.fileErrors.length > 0 && <Alert>Fichier refusé : {report.fileErrors.join(' ; ')}.</Alert>}
      {report && report.fileErrors.length === 0 && !report.committed && (
        <>
          <p role="status">
            {report.lines.length} ligne{report.lines.length > 1 ? 's' : ''} lue{report.lines.length > 1 ? 's' : ''} (encodage{' '}
            {report.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}) : {toCreate} à créer, {toUpdate.length} à mettre à jour,{' '}
            {report.unchanged} sans changement, {errors.length} en erreur.
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
            <>
              {created.length > 0 && (
                <table className="data">
                  <caption>Fiches à créer (rien n’est créé avant votre confirmation)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">Fiche</th>
                    </tr>
                  </thead>
                  <tbody>
                    {created.map((l) => (
                      <tr key={l.line}>
                        <td>{l.line}</td>
                        <td>{l.label}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {neutralized.length > 0 && (
                <>
                  <Alert kind="info">
                    Des cellules commencent comme une formule de tableur (=, +, -, @) : elles seront enregistrées précédées d’une
                    apostrophe, pour qu’aucun tableur ne les exécute.
                  </Alert>
                  <table className="data">
                    <caption>Cellules neutralisées</caption>
                    <thead>
                      <tr>
                        <th scope="col">Ligne</th>
                        <th scope="col">Colonne</th>
                        <th scope="col">Enregistrée ainsi</th>
                      </tr>
                    </thead>
                    <tbody>
                      {neutralized.flatMap((l) =>
                        l.neutralized.map((n) => (
                          <tr key={`${l.line}-${n.field}`}>
                            <td>{l.line}</td>
                            <td>{n.field}</td>
                            <td>
                              <code>{n.stored}</code>
                            </td>
                          </tr>
                        )),
                      )}
                    </tbody>
                  </table>
                </>
              )}
              {toUpdate.length > 0 && (
                <table className="data">
                  <caption>Mises à jour proposées (rien n’est modifié avant votre confirmation)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">Colonne</th>
                      <th scope="col">Actuellement</th>
                      <th scope="col">Après l’import</th>
                    </tr>
                  </thead>
                  <tbody>
                    {toUpdate.flatMap((l) =>
                      l.changes.map((c) => (
                        <tr key={`${l.line}-${c.field}`}>
                          <td>
                            {l.line} — {l.label}
                          </td>
                          <td>{c.field}</td>
                          <td>{c.from || '(vide)'}</td>
                          <td>{c.to || '(vide)'}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              )}
              {toWrite === 0 ? (
                <p>Rien à importer : l’annuaire contient déjà tout ce que dit le fichier.</p>
              ) : (
                <button type="button" className="primary" disabled={busy !== null} onClick={() => void commit()}>
                  Importer {toWrite} ligne{toWrite > 1 ? 's' : ''}
                  {toUpdate.length > 0 ? ` (dont ${toUpdate.length} mise${toUpdate.length > 1 ? 's' : ''} à jour)` : ''}
                </button>
              )}
            </>
          )}
        </>
      )}
      {report?.committed && (
        <Alert kind="success">
          Import terminé : {report.structuresCreated} structure{report.structuresCreated > 1 ? 's' : ''} et {report.membersCreated} membre
          {report.membersCreated > 1 ? 's' : ''} créés
          {report.structuresUpdated + report.membersUpdated > 0
            ? `, ${report.structuresUpdated + report.membersUpdated} fiche${report.structuresUpdated + report.membersUpdated > 1 ? 's' : ''} mise${report.structuresUpdated + report.membersUpdated > 1 ? 's' : ''} à jour`
            : ''}
          .
        </Alert>
      )}
      <h2>Exporter</h2>
      <p>Les structures et membres actifs, dans le même format (UTF-8, lisible par Excel).</p>
      <button type="button" className="secondary" onClick={() => void download(() => api.partners.exportDirectory({}))}>
        Exporter l’annuaire (CSV)
      </button>
    </>
  );
}
