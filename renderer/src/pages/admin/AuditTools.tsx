import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api, ApiError, ArchiveStatus } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PasswordDialog } from '../../components/PasswordDialog';
import { usePasswordAction } from '../../components/usePasswordAction';
import { saveDocument } from '../../documents';
import { formatDay } from '../../labels';

/** The DPO's CSV export (period, situation code) and the archive of events past the trail's retention. */
/** « 1 234 », or « plus de 10 000 » where the count stopped (ten years hold a million events). */
function archivableCount(status: Pick<ArchiveStatus, 'archivable' | 'archivableCapped'>): string {
  return `${status.archivableCapped ? 'plus de ' : ''}${status.archivable.toLocaleString('fr-FR')}`;
}

export function AuditTools() {
  const [form, setForm] = useState({ from: '', to: '', situationCode: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const password = usePasswordAction();
  const loadStatus = useCallback(() => {
    void api.audit.archiveStatus({}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, []);
  useEffect(loadStatus, [loadStatus]);

  const exportCsv = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const result = await api.audit.export({
      ...(form.from ? { from: form.from } : {}),
      ...(form.to ? { to: form.to } : {}),
      ...(form.situationCode.trim() ? { situationCode: form.situationCode } : {}),
    });
    if (!result.ok) return setError(result.error);
    saveDocument(result.value);
    setNotice(`Export « ${result.value.fileName} » prêt : il s’ouvre dans Excel.`);
  };
  const archive = (actorPassword: string) =>
    password.confirm(
      () => api.audit.archive({ actorPassword }),
      (result) => {
        setNotice(
          result.archived === 0
            ? 'Aucun événement à archiver.'
            : `${result.archived} événements archivés dans ${result.fileName} sur le partage ; le journal restant se vérifie depuis ce point.`,
        );
        loadStatus();
      },
      setError,
    );
  return (
    <section aria-labelledby="audit-tools">
      <h2 id="audit-tools">Export pour le DPO et archivage</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <form className="filters" onSubmit={(e) => void exportCsv(e)} aria-label="Export du journal" noValidate>
        <Field
          label="Exporter à partir du"
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
          error={error?.fields?.from}
        />
        <Field
          label="Exporter jusqu’au"
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
          error={error?.fields?.to}
        />
        <Field
          label="Code de situation (facultatif)"
          value={form.situationCode}
          placeholder="S-2026-001"
          onChange={(e) => setForm({ ...form, situationCode: e.target.value })}
          error={error?.fields?.situationCode}
        />
        <div className="actions">
          <button type="submit" className="secondary">
            Exporter le journal (CSV)
          </button>
        </div>
      </form>
      {status && (
        <>
          <p>
            Les événements de plus de {status.retentionMonths} mois (avant le {formatDay(status.archivableBefore)}) peuvent être archivés
            dans un fichier chiffré sur le partage de sauvegarde, puis retirés de la base :{' '}
            {status.archivable === 0 ? 'aucun à ce jour.' : `${archivableCount(status)} à ce jour.`}
          </p>
          {status.archives.length > 0 && (
            <ul>
              {status.archives.map((a) => (
                <li key={a.archiveName}>
                  {a.archiveName} : {a.archivedCount} événements antérieurs au {formatDay(a.archivedBefore)}
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="secondary" disabled={status.archivable === 0} onClick={password.open}>
              Archiver les événements anciens…
            </button>
          </div>
        </>
      )}
      {password.asking && (
        <PasswordDialog
          title="Archiver les événements anciens du journal"
          confirmLabel="Archiver"
          {...password.dialog}
          onConfirm={(typed) => void archive(typed)}
        >
          <p>
            {status ? archivableCount(status) : ''} événements seront écrits, chiffrés, sur le partage de sauvegarde puis retirés de la
            base. Un point de contrôle garde la suite du journal vérifiable.
          </p>
        </PasswordDialog>
      )}
    </section>
  );
}
