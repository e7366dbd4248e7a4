import { useState } from 'react';
import { PLAN_STATUSES, type PlanStatus } from '../../../../electron/shared/clsm-vocabulary';
import { CLSM_MEETING_KINDS } from '../../../../electron/shared/training-vocabulary';
import { api, PlanActionView, PlanView } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useLoaded } from '../../components/useList';
import { formatDay, optionsOf } from '../../labels';
import { AxesPanel } from './AxesPanel';
import { PlanActionDialog } from './PlanActionDialog';

/** The CLSM's action plan by axis: each action's pilot, dates and state, and the meetings that dealt with it. */
export function PlanTab({ canEdit }: { canEdit: boolean }) {
  const [filters, setFilters] = useState({ axisId: '', status: '', search: '' });
  const plan = useLoaded(
    () =>
      api.clsm.plan({
        ...(filters.axisId ? { axisId: Number(filters.axisId) } : {}),
        ...(filters.status ? { status: filters.status as PlanStatus } : {}),
        ...(filters.search ? { search: filters.search } : {}),
      }),
    filters,
  );
  const [editing, setEditing] = useState<PlanActionView | 'new' | null>(null);
  const [removing, setRemoving] = useState<PlanActionView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = async (message: string) => {
    setEditing(null);
    setRemoving(null);
    setNotice(message);
    setError(null);
    await plan.reload();
  };
  const value: PlanView | null = plan.value;
  const axes = value?.axes ?? [];
  const filtered = filters.axisId || filters.status || filters.search;
  return (
    <>
      <h1>Plan d’action du CLSM</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(plan.error || error) && <Alert>{plan.error ?? error}</Alert>}
      <div className="filters" role="search" aria-label="Filtrer les actions">
        <Field
          label="Rechercher"
          type="search"
          value={filters.search}
          onChange={(e) => setFilters({ ...filters, search: e.target.value })}
        />
        <SelectField
          label="Axe"
          value={filters.axisId}
          onChange={(axisId) => setFilters({ ...filters, axisId })}
          options={[
            { value: '', label: 'Tous' },
            ...axes.map((a) => ({ value: String(a.id), label: a.archived ? `${a.title} (archivé)` : a.title })),
          ]}
        />
        <SelectField
          label="État"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={[{ value: '', label: 'Tous' }, ...optionsOf(PLAN_STATUSES)]}
        />
      </div>
      {canEdit && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing('new')} disabled={!axes.some((a) => !a.archived)}>
            Nouvelle action
          </button>
        </div>
      )}
      {value && value.actions.length === 0 && (
        <p className="empty">
          {filtered ? 'Aucune action ne correspond à ces critères.' : 'Le plan d’action ne compte encore aucune action.'}
        </p>
      )}
      {value && value.actions.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Actions du plan</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Axe</th>
              <th scope="col">Pilote</th>
              <th scope="col">Période</th>
              <th scope="col">État</th>
              <th scope="col">Réunions</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {value.actions.map((a) => (
              <tr key={a.id}>
                <td>
                  <strong>{a.title}</strong>
                  {a.description && <div className="muted">{a.description}</div>}
                </td>
                <td>{a.axis}</td>
                <td>{a.pilot ?? 'Coordination du CLSM'}</td>
                <td>
                  {formatDay(a.startsOn)} – {formatDay(a.dueOn)}
                </td>
                <td>
                  {PLAN_STATUSES[a.status]}
                  {a.finishedOn && <div className="muted">le {formatDay(a.finishedOn)}</div>}
                </td>
                <td>
                  {a.meetings.length === 0
                    ? '—'
                    : a.meetings.map((m) => (
                        <div key={m.meetingId}>
                          {CLSM_MEETING_KINDS[m.kind]} du {formatDay(m.heldOn)} ({m.role === 'decided' ? 'décidée' : 'examinée'})
                        </div>
                      ))}
                </td>
                {canEdit && (
                  <td>
                    <button type="button" className="secondary" onClick={() => setEditing(a)} aria-label={`Modifier « ${a.title} »`}>
                      Modifier
                    </button>
                    {!a.inSignedMinutes && (
                      <button type="button" className="secondary" onClick={() => setRemoving(a)} aria-label={`Supprimer « ${a.title} »`}>
                        Supprimer
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && value && <AxesPanel axes={value.axes} onChanged={done} />}
      {editing && value && (
        <PlanActionDialog action={editing === 'new' ? null : editing} axes={value.axes} onCancel={() => setEditing(null)} onSaved={done} />
      )}
      {removing && (
        <Modal
          title="Supprimer l’action"
          submitLabel="Supprimer"
          danger
          onSubmit={() =>
            void api.clsm.removeAction({ id: removing.id }).then((result) => {
              if (result.ok) void done(`« ${removing.title} » supprimée du plan.`);
              else {
                setRemoving(null);
                setError(result.error.message);
              }
            })
          }
          onCancel={() => setRemoving(null)}
        >
          <p>
            « {removing.title} » sera retirée du plan d’action. Si elle ne se fera pas, marquez-la plutôt « Abandonnée » : elle restera
            comptée parmi les actions prévues.
          </p>
        </Modal>
      )}
    </>
  );
}
