import { FormEvent, useState } from 'react';
import { api } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useList } from '../../components/useList';
import { EditRemoveCell, SaveOrCancel } from './RecordListParts';
import { useRecordList } from './useRecordList';
import { formatDay, optionsOf } from '../../labels';
import { CLSM_MEETING_KINDS, CLSM_MEETING_STATUSES } from '../../../../electron/shared/training-vocabulary';

const EMPTY = { id: 0, kind: '', heldOn: '', status: 'held', subject: '', structureIds: [] as number[] };

/** The comités, the plénière and the groupe projet, with the structures that took part: the process indicators count them. */
export function ClsmMeetingsTab({ canEdit }: { canEdit: boolean }) {
  const structures = useList(() => api.partners.structureChoices({}), []);
  const records = useRecordList(
    () => api.clsm.meetings({}),
    (id) => api.clsm.removeMeeting({ id }),
  );
  const { items, removing, setRemoving } = records;
  const { busy, error, fieldError } = records.form;
  const [form, setForm] = useState(EMPTY);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void records.saveWith(
      () =>
        api.clsm.saveMeeting({
          ...(form.id ? { id: form.id } : {}),
          kind: form.kind as keyof typeof CLSM_MEETING_KINDS,
          heldOn: form.heldOn,
          status: form.status as keyof typeof CLSM_MEETING_STATUSES,
          subject: form.subject,
          structureIds: form.structureIds,
        }),
      form.id ? 'Réunion modifiée.' : 'Réunion enregistrée.',
      () => setForm(EMPTY),
    );
  };
  const toggle = (id: number) =>
    setForm({
      ...form,
      structureIds: form.structureIds.includes(id) ? form.structureIds.filter((x) => x !== id) : [...form.structureIds, id],
    });
  return (
    <section>
      <h1>Réunions du CLSM</h1>
      <p>
        Comités technique et de pilotage, assemblée plénière, groupe projet : leurs dates et les structures présentes alimentent
        l’évaluation du processus.
      </p>
      {records.loadError && <Alert>{records.loadError}</Alert>}
      {records.notice && <Alert kind="success">{records.notice}</Alert>}
      {items && items.length === 0 && <p className="empty">Aucune réunion enregistrée.</p>}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Réunions du CLSM</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Objet</th>
              <th scope="col">Statut</th>
              <th scope="col">Structures</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{formatDay(m.heldOn)}</td>
                <td>{CLSM_MEETING_KINDS[m.kind]}</td>
                <td>{m.subject}</td>
                <td>{CLSM_MEETING_STATUSES[m.status]}</td>
                <td>{m.structures.map((s) => s.name).join(', ') || '—'}</td>
                {canEdit && (
                  <EditRemoveCell
                    onEdit={() =>
                      setForm({
                        id: m.id,
                        kind: m.kind,
                        heldOn: m.heldOn,
                        status: m.status,
                        subject: m.subject,
                        structureIds: m.structures.map((s) => s.id),
                      })
                    }
                    onRemove={() => setRemoving(m)}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} className="narrow" noValidate>
          <fieldset className="group">
            <legend>{form.id ? 'Modifier la réunion' : 'Enregistrer une réunion'}</legend>
            {error && <ErrorAlert error={error} fieldsShown />}
            <SelectField
              label="Type de réunion"
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              placeholder="Choisir"
              options={optionsOf(CLSM_MEETING_KINDS)}
              error={fieldError('kind')}
            />
            <Field
              label="Date"
              type="date"
              value={form.heldOn}
              onChange={(e) => setForm({ ...form, heldOn: e.target.value })}
              error={fieldError('heldOn')}
            />
            <SelectField
              label="Statut"
              value={form.status}
              onChange={(status) => setForm({ ...form, status })}
              options={optionsOf(CLSM_MEETING_STATUSES)}
              error={fieldError('status')}
            />
            <Field
              label="Objet"
              value={form.subject}
              onChange={(e) => setForm({ ...form, subject: e.target.value })}
              error={fieldError('subject')}
            />
            <fieldset className="group">
              <legend>Structures présentes</legend>
              {(structures.items ?? [])
                .filter((s) => s.active || form.structureIds.includes(s.id))
                .map((s) => (
                  <div className="checkbox" key={s.id}>
                    <label>
                      <input type="checkbox" checked={form.structureIds.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name}
                    </label>
                  </div>
                ))}
            </fieldset>
            <SaveOrCancel label="Enregistrer la réunion" busy={busy} editing={form.id !== 0} onCancel={() => setForm(EMPTY)} />
          </fieldset>
        </form>
      )}
      {removing && (
        <Modal
          title="Supprimer cette réunion ?"
          submitLabel="Supprimer"
          danger
          onCancel={() => setRemoving(null)}
          onSubmit={() => void records.confirmRemoval('Réunion supprimée.')}
        >
          <p>
            {CLSM_MEETING_KINDS[removing.kind]} du {formatDay(removing.heldOn)} : elle ne sera plus comptée dans l’évaluation.
          </p>
        </Modal>
      )}
    </section>
  );
}
