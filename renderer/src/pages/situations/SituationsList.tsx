import { useState } from 'react';
import { Link } from 'react-router';
import { api, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { usePagedList } from '../../components/Pager';
import { useList } from '../../components/useList';
import { saveDocument } from '../../documents';
import { AGE_BANDS, formatDay } from '../../labels';
import { systemClock, today, yearOf } from '../../../../electron/shared/dates';
import { situationQuery, STATE_OPTIONS, yearOptions } from './filters';
import { StateBadge } from './StateBadge';

export function SituationsList({ session }: { session: SessionInfo }) {
  const [filters, setFilters] = useState({ search: '', state: '', year: '', structureId: '', typology: '' });
  const structures = useList(() => api.partners.structureChoices({}), []);
  const typologies = useList(() => api.situations.typologies({}), []);
  const [printError, setPrintError] = useState<string | null>(null);
  const { items, error, pager } = usePagedList(
    (page) => api.situations.page({ ...page, ...situationQuery(filters) }),
    filters,
    'Pages des situations',
  );
  const blankForm = async () => {
    const result = await api.situations.referralForm({});
    if (result.ok) saveDocument(result.value);
    else setPrintError(result.error.message);
  };
  const filtered = Object.keys(situationQuery(filters)).length > 0;
  return (
    <section>
      <h1>Situations</h1>
      {(error ?? printError) && <Alert>{error ?? printError}</Alert>}
      <div className="filters" role="search" aria-label="Filtrer les situations">
        <Field
          label="Rechercher (code ou nom)"
          type="search"
          value={filters.search}
          onChange={(e) => setFilters({ ...filters, search: e.target.value })}
        />
        <SelectField label="État" value={filters.state} onChange={(state) => setFilters({ ...filters, state })} options={STATE_OPTIONS} />
        <SelectField
          label="Année"
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={yearOptions(yearOf(today(systemClock)))}
        />
        <SelectField
          label="Structure qui saisit"
          value={filters.structureId}
          onChange={(structureId) => setFilters({ ...filters, structureId })}
          options={[{ value: '', label: 'Toutes' }, ...(structures.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
        />
        <SelectField
          label="Typologie"
          value={filters.typology}
          onChange={(typology) => setFilters({ ...filters, typology })}
          options={[{ value: '', label: 'Toutes' }, ...(typologies.items ?? []).map((t) => ({ value: t, label: t }))]}
        />
      </div>
      {can(session, 'situations.saveReferral') && (
        <div className="actions">
          <Link className="button primary" to="/situations/nouvelle">
            Nouvelle saisine
          </Link>
          <button type="button" className="secondary" onClick={() => void blankForm()}>
            Fiche de saisine vierge (PDF)
          </button>
        </div>
      )}
      {items && items.length === 0 && (
        <p className="empty">{filtered ? 'Aucune situation ne correspond à ces critères.' : 'Aucune situation pour l’instant.'}</p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Situations</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Reçue le</th>
              <th scope="col">Structure qui saisit</th>
              <th scope="col">Âge, commune</th>
              <th scope="col">Typologie</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/situations/${s.id}`}>{s.code}</Link>
                </td>
                <td>{formatDay(s.receivedOn)}</td>
                <td>{s.structureName}</td>
                <td>
                  {AGE_BANDS[s.ageBand]}, {s.commune}
                </td>
                <td>{s.typology.join(', ')}</td>
                <td>
                  <StateBadge state={s.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
    </section>
  );
}
