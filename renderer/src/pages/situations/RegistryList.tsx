import { useState } from 'react';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { usePagedList } from '../../components/Pager';
import { formatDate, formatDay } from '../../labels';
import { systemClock, today, yearOf } from '../../../../electron/shared/dates';
import { situationQuery, STATE_OPTIONS, yearOptions } from './filters';
import { StateBadge } from './StateBadge';

/** The secretariat's view: codes, dates and states, nothing of the content. */
export function RegistryList() {
  const [filters, setFilters] = useState({ search: '', state: '', year: '' });
  const { items, error, pager } = usePagedList(
    (page) => api.situations.registry({ ...page, ...situationQuery(filters) }),
    filters,
    'Pages du registre',
  );
  return (
    <section>
      <h1>Registre des situations</h1>
      <Alert kind="info">Le secrétariat voit les codes, les dates et les états des situations, jamais leur contenu.</Alert>
      {error && <Alert>{error}</Alert>}
      <div className="filters" role="search" aria-label="Filtrer le registre">
        <Field label="Code" type="search" value={filters.search} onChange={(e) => setFilters({ ...filters, search: e.target.value })} />
        <SelectField label="État" value={filters.state} onChange={(state) => setFilters({ ...filters, state })} options={STATE_OPTIONS} />
        <SelectField
          label="Année"
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={yearOptions(yearOf(today(systemClock)))}
        />
      </div>
      {items && items.length === 0 && <p className="empty">Aucune situation ne correspond.</p>}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Registre des situations</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Reçue le</th>
              <th scope="col">État</th>
              <th scope="col">Dernière modification</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td className="code">{s.code}</td>
                <td>{formatDay(s.receivedOn)}</td>
                <td>
                  <StateBadge state={s.state} />
                </td>
                <td>{formatDate(s.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
    </section>
  );
}
