import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CLSM_MEETING_KINDS, CLSM_MEETING_STATUSES, ClsmMeetingKind } from '../../../../electron/shared/training-vocabulary';
import { systemClock, today } from '../../../../electron/shared/dates';
import { api } from '../../api';
import { SelectField } from '../../components/Field';
import { FilterBar, useListFeedback } from '../../components/ListFrame';
import { usePagedList } from '../../components/Pager';
import { formatDay, formatTime, optionsOf } from '../../labels';

const YEARS = (() => {
  const now = Number(today(systemClock).slice(0, 4));
  return Array.from({ length: 8 }, (_, i) => String(now + 1 - i));
})();

/** The meetings of the CLSM's bodies, newest first; searched and paged in the main process. */
export function ClsmMeetingsList({ canEdit }: { canEdit: boolean }) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState({ search: '', kind: '', year: '', includeCancelled: false });
  const { items, error, reload, pager } = usePagedList(
    (page) =>
      api.clsm.meetings({
        ...page,
        ...(filters.search ? { search: filters.search } : {}),
        ...(filters.kind ? { kind: filters.kind as ClsmMeetingKind } : {}),
        ...(filters.year ? { year: Number(filters.year) } : {}),
        includeCancelled: filters.includeCancelled,
      }),
    filters,
    'Pages des réunions du CLSM',
  );
  const { messages } = useListFeedback(reload, () => undefined);
  const filtered = filters.search || filters.kind || filters.year;
  return (
    <>
      <h1>Réunions du CLSM</h1>
      <p className="muted">
        Comité de pilotage, assemblée plénière, comité technique et groupes projet : aucune situation individuelle n’y est évoquée, la
        charte n’est pas demandée pour y participer.
      </p>
      {messages(error)}
      <FilterBar
        label="Filtrer les réunions"
        search={filters.search}
        onSearch={(search) => setFilters({ ...filters, search })}
        inactive={{
          id: 'clsm-cancelled',
          label: 'Afficher les réunions annulées',
          checked: filters.includeCancelled,
          onChange: (includeCancelled) => setFilters({ ...filters, includeCancelled }),
        }}
      >
        <SelectField
          label="Instance"
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={[{ value: '', label: 'Toutes' }, ...optionsOf(CLSM_MEETING_KINDS)]}
        />
        <SelectField
          label="Année"
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={[{ value: '', label: 'Toutes' }, ...YEARS.map((y) => ({ value: y, label: y }))]}
        />
      </FilterBar>
      {canEdit && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void navigate('/instances/reunions/nouvelle')}>
            Nouvelle réunion
          </button>
        </div>
      )}
      {items && items.length === 0 && (
        <p className="empty">{filtered ? 'Aucune réunion ne correspond à ces critères.' : 'Aucune réunion du CLSM pour l’instant.'}</p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Réunions du CLSM</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Instance</th>
              <th scope="col">Objet</th>
              <th scope="col">Invités</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/instances/reunions/${m.id}`}>{formatDay(m.heldOn)}</Link>
                  {m.startsAt && <div className="muted">{formatTime(m.startsAt)}</div>}
                </td>
                <td>{CLSM_MEETING_KINDS[m.kind]}</td>
                <td>
                  {m.subject || '—'}
                  {m.place && <div className="muted">{m.place}</div>}
                </td>
                <td>
                  {m.invited}
                  {m.status === 'held' && <div className="muted">{m.present} présents ou représentés</div>}
                </td>
                <td>
                  <span
                    className={`badge ${m.signed ? 'neutral' : m.status === 'planned' ? 'warning' : m.status === 'held' ? 'ok' : 'neutral'}`}
                  >
                    {m.signed ? 'Compte rendu signé' : CLSM_MEETING_STATUSES[m.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
    </>
  );
}
