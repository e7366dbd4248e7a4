import { useState } from 'react';
import { SECTORS, Sector } from '../../../../electron/shared/vocabulary';
import { api, StructureSummary } from '../../api';
import { SelectField } from '../../components/Field';
import { FilterBar, useListFeedback } from '../../components/ListFrame';
import { Modal } from '../../components/Modal';
import { usePagedList } from '../../components/Pager';
import { formatDay } from '../../labels';
import { StructureForm } from './StructureForm';

type Editing =
  | { kind: 'form'; structure: StructureSummary | null }
  | { kind: 'remove'; structure: StructureSummary }
  | { kind: 'deactivate'; structure: StructureSummary }
  | null;

/** « son membre actif » / « ses 3 membres actifs ». */
const theirMembers = (count: number) => (count === 1 ? 'son membre actif' : `ses ${count} membres actifs`);

export function StructuresTab({ canEdit, canRemove }: { canEdit: boolean; canRemove: boolean }) {
  const [filters, setFilters] = useState({ search: '', sector: '', convention: '', includeInactive: false });
  const [editing, setEditing] = useState<Editing>(null);
  const { items, error, reload, pager } = usePagedList(
    (page) =>
      api.partners.pageStructures({
        ...page,
        ...(filters.search ? { search: filters.search } : {}),
        ...(filters.sector ? { sector: filters.sector as Sector } : {}),
        ...(filters.convention ? { convention: filters.convention as 'signed' | 'unsigned' } : {}),
        includeInactive: filters.includeInactive,
      }),
    filters,
    'Pages des structures',
  );

  const { done, fail, messages } = useListFeedback(reload, () => setEditing(null));
  const toggle = async (s: StructureSummary) => {
    const result = await api.partners.setStructureActive({ id: s.id, active: !s.active });
    if (!result.ok) return fail(result.error.message);
    if (!s.active) return done(`« ${s.name} » réactivée. Ses membres restent désactivés : réactivez ceux qui participent encore.`);
    await done(s.memberCount > 0 ? `« ${s.name} » désactivée, ainsi que ${theirMembers(s.memberCount)}.` : `« ${s.name} » désactivée.`);
  };
  const remove = async (s: StructureSummary) => {
    const result = await api.partners.removeStructure({ id: s.id });
    if (!result.ok) return fail(result.error.message);
    await done(
      result.value.outcome === 'deleted'
        ? `« ${s.name} » supprimée.`
        : `« ${s.name} » a des membres : elle a été désactivée plutôt que supprimée.`,
    );
  };

  return (
    <>
      <h1>Structures partenaires</h1>
      {messages(error)}
      <FilterBar
        label="Filtrer les structures"
        search={filters.search}
        onSearch={(search) => setFilters({ ...filters, search })}
        inactive={{
          id: 'structures-inactive',
          label: 'Afficher les structures désactivées',
          checked: filters.includeInactive,
          onChange: (includeInactive) => setFilters({ ...filters, includeInactive }),
        }}
      >
        <SelectField
          label="Secteur"
          value={filters.sector}
          onChange={(sector) => setFilters({ ...filters, sector })}
          options={[{ value: '', label: 'Tous' }, ...Object.entries(SECTORS).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          label="Convention"
          value={filters.convention}
          onChange={(convention) => setFilters({ ...filters, convention })}
          options={[
            { value: '', label: 'Toutes' },
            { value: 'signed', label: 'Signée' },
            { value: 'unsigned', label: 'Non signée' },
          ]}
        />
      </FilterBar>
      {canEdit && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'form', structure: null })}>
            Nouvelle structure
          </button>
        </div>
      )}
      {items && items.length === 0 && (
        <p className="empty">
          {filters.search || filters.sector || filters.convention
            ? 'Aucune structure ne correspond à ces critères.'
            : 'Aucune structure pour l’instant — ajoutez-en une ou importez votre annuaire (onglet Import / export).'}
        </p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Structures partenaires</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Secteur</th>
              <th scope="col">Convention</th>
              <th scope="col">Membres actifs</th>
              <th scope="col">Statut</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.name}</strong>
                  {s.address && <div className="muted">{s.address}</div>}
                </td>
                <td>{SECTORS[s.sector]}</td>
                <td>
                  {s.conventionSignedOn ? (
                    `Signée le ${formatDay(s.conventionSignedOn)} par ${s.conventionSignatory}`
                  ) : (
                    <span className="badge warning">Non signée</span>
                  )}
                </td>
                <td>{s.memberCount}</td>
                <td>{s.active ? 'Active' : 'Désactivée'}</td>
                {canEdit && (
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary small" onClick={() => setEditing({ kind: 'form', structure: s })}>
                        Modifier<span className="visually-hidden"> {s.name}</span>
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => (s.active ? setEditing({ kind: 'deactivate', structure: s }) : void toggle(s))}
                      >
                        {s.active ? 'Désactiver' : 'Réactiver'}
                        <span className="visually-hidden"> {s.name}</span>
                      </button>
                      {canRemove && (
                        <button type="button" className="danger small" onClick={() => setEditing({ kind: 'remove', structure: s })}>
                          Supprimer<span className="visually-hidden"> {s.name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
      {editing?.kind === 'form' && (
        <StructureForm
          structure={editing.structure}
          onCancel={() => setEditing(null)}
          onSaved={(s) => void done(`Structure « ${s.name} » enregistrée.`)}
        />
      )}
      {editing?.kind === 'deactivate' && (
        <Modal
          title="Désactiver la structure"
          submitLabel="Désactiver"
          danger
          onSubmit={() => void toggle(editing.structure)}
          onCancel={() => setEditing(null)}
        >
          <p>
            Désactiver « {editing.structure.name} » ?{' '}
            {editing.structure.memberCount > 0
              ? editing.structure.memberCount === 1
                ? 'Son membre actif sera désactivé aussi : il ne pourra plus être convoqué. '
                : `Ses ${editing.structure.memberCount} membres actifs seront désactivés aussi : ils ne pourront plus être convoqués. `
              : ''}
            L’historique est conservé, et la structure peut être réactivée.
          </p>
        </Modal>
      )}
      {editing?.kind === 'remove' && (
        <Modal
          title="Supprimer la structure"
          submitLabel="Supprimer"
          danger
          onSubmit={() => void remove(editing.structure)}
          onCancel={() => setEditing(null)}
        >
          <p>
            Supprimer « {editing.structure.name} » ? Si des membres y sont rattachés, elle sera désactivée plutôt que supprimée, pour
            conserver l’historique.
          </p>
        </Modal>
      )}
    </>
  );
}
