import { count } from '../../grammar';
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api, AuditEvent, AuditVerification, JournalPage, UserSummary } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { AuditTools } from './AuditTools';
import { actionLabel, AUDIT_DOMAIN_OPTIONS, formatDateTime, OUTCOME_LABELS } from '../../labels';

const PAGE_SIZE = 50;
type Filters = { from: string; to: string; action: string; outcome: string; userId: string };
const NO_FILTERS: Filters = { from: '', to: '', action: '', outcome: '', userId: '' };

/** Keyset paging: each page starts below the last event of the page before (null: the newest). */
function query(filters: Filters, before: number | null) {
  return {
    limit: PAGE_SIZE,
    ...(before === null ? {} : { before }),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome as AuditEvent['outcome'] } : {}),
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
  };
}

/** « 1 234 événements », or « Plus de 10 000 événements » once the count stops. */
function journalCount(page: Pick<JournalPage, 'total' | 'capped'>): string {
  const shown = page.total.toLocaleString('fr-FR');
  if (page.capped) return `Plus de ${shown} événements`;
  return `${shown} événement${page.total > 1 ? 's' : ''}`;
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  // The cursors of the pages walked so far: Back pops one, Next pushes the last event's id.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors[cursors.length - 1] ?? null;
  const offset = (cursors.length - 1) * PAGE_SIZE;
  const [page, setPage] = useState<JournalPage | null>(null);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async () => {
    const result = await api.audit.list(query(applied, before));
    if (result.ok) {
      setPage(result.value);
      setError(null);
    } else setError(result.error.message);
  }, [applied, before]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    void api.users.list({}).then((r) => r.ok && setUsers(r.value));
  }, []);

  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setApplied(filters);
  };
  const verify = async () => {
    setVerifying(true);
    const result = await api.audit.verify({});
    setVerifying(false);
    if (result.ok) setVerification(result.value);
    else setError(result.error.message);
    await load();
  };

  return (
    <>
      <h1>Journal d’audit</h1>
      <p>Chaque événement est enchaîné au précédent : toute modification ultérieure est détectée par la vérification.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void verify()} disabled={verifying}>
          {verifying ? 'Vérification en cours…' : 'Vérifier l’intégrité'}
        </button>
      </div>
      {verification?.ok === true && (
        <Alert kind="success">
          Journal intègre : {verification.count} événements vérifiés
          {verification.archives > 0 ? `, et ${count(verification.archives, 'archive')} du partage prouvant les événements archivés` : ''}.
          Tête de chaîne, à noter comme ancre :{' '}
          <code className="anchor">
            {verification.head.count}:{verification.head.hash}
          </code>
        </Alert>
      )}
      {verification?.ok === false && (
        <Alert>
          Journal altéré après {verification.count} événements intègres : {verification.reason}.
        </Alert>
      )}
      {error && <Alert>{error}</Alert>}
      <form className="filters" onSubmit={apply} aria-label="Filtres du journal">
        <Field label="Du" type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        <Field label="Au" type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        <SelectField
          label="Domaine"
          value={filters.action}
          onChange={(action) => setFilters({ ...filters, action })}
          options={[{ value: '', label: 'Tous' }, ...AUDIT_DOMAIN_OPTIONS]}
        />
        <SelectField
          label="Résultat"
          value={filters.outcome}
          onChange={(outcome) => setFilters({ ...filters, outcome })}
          options={[{ value: '', label: 'Tous' }, ...Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          label="Utilisateur"
          value={filters.userId}
          onChange={(userId) => setFilters({ ...filters, userId })}
          options={[{ value: '', label: 'Tous' }, ...users.map((u) => ({ value: String(u.id), label: u.displayName }))]}
        />
        <div className="actions">
          <button type="submit" className="secondary">
            Filtrer
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setFilters(NO_FILTERS);
              setApplied(NO_FILTERS);
              setCursors([null]);
            }}
          >
            Effacer les filtres
          </button>
        </div>
      </form>
      {page && (
        <>
          <p role="status">{journalCount(page)}</p>
          <table className="data">
            <caption className="visually-hidden">Événements du journal d’audit</caption>
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Date</th>
                <th scope="col">Utilisateur</th>
                <th scope="col">Action</th>
                <th scope="col">Objet</th>
                <th scope="col">Résultat</th>
                <th scope="col">Détail</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.id}>
                  <td>{event.id}</td>
                  <td>{formatDateTime(event.at)}</td>
                  <td>{event.userId === null ? '—' : (names.get(event.userId) ?? `n° ${event.userId}`)}</td>
                  <td>{actionLabel(event.action)}</td>
                  <td>{event.objectLabel}</td>
                  <td>{OUTCOME_LABELS[event.outcome]}</td>
                  <td>{event.detailLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Plus récents
            </button>
            <span>
              {page.events.length === 0 ? 0 : offset + 1}–{offset + page.events.length} sur {page.capped ? 'plus de ' : ''}
              {page.total.toLocaleString('fr-FR')}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={!page.hasMore}
              onClick={() => setCursors([...cursors, page.events[page.events.length - 1]!.id])}
            >
              Plus anciens
            </button>
          </div>
        </>
      )}
      <AuditTools />
    </>
  );
}
