import { FormEvent, useState } from 'react';
import { api } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { EditRemoveCell, SaveOrCancel } from './RecordListParts';
import { useRecordList } from './useRecordList';
import { formatDay, optionsOf } from '../../labels';
import { TOOL_KINDS } from '../../../../electron/shared/training-vocabulary';

const EMPTY = { id: 0, kind: '', title: '', producedOn: '' };

/** The common tools the partners produced together (« élaboration d’outils communs »). */
export function ToolsTab({ canEdit }: { canEdit: boolean }) {
  const records = useRecordList(
    () => api.clsm.tools({}),
    (id) => api.clsm.removeTool({ id }),
  );
  const { items, removing, setRemoving } = records;
  const { busy, error, fieldError } = records.form;
  const [form, setForm] = useState(EMPTY);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void records.saveWith(
      () =>
        api.clsm.saveTool({
          ...(form.id ? { id: form.id } : {}),
          kind: form.kind as keyof typeof TOOL_KINDS,
          title: form.title,
          producedOn: form.producedOn,
        }),
      form.id ? 'Outil modifié.' : 'Outil enregistré.',
      () => setForm(EMPTY),
    );
  };
  return (
    <section>
      <h1>Outils communs</h1>
      {records.loadError && <Alert>{records.loadError}</Alert>}
      {records.notice && <Alert kind="success">{records.notice}</Alert>}
      {items && items.length === 0 && <p className="empty">Aucun outil enregistré : guides, fiches et procédures élaborés ensemble.</p>}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Outils communs</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Titre</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id}>
                <td>{formatDay(t.producedOn)}</td>
                <td>{TOOL_KINDS[t.kind]}</td>
                <td>{t.title}</td>
                {canEdit && <EditRemoveCell onEdit={() => setForm({ ...t })} onRemove={() => setRemoving(t)} />}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} className="narrow" noValidate>
          <fieldset className="group">
            <legend>{form.id ? 'Modifier l’outil' : 'Enregistrer un outil'}</legend>
            {error && <ErrorAlert error={error} fieldsShown />}
            <SelectField
              label="Type d’outil"
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              placeholder="Choisir"
              options={optionsOf(TOOL_KINDS)}
              error={fieldError('kind')}
            />
            <Field
              label="Titre"
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
              error={fieldError('title')}
            />
            <Field
              label="Date"
              type="date"
              value={form.producedOn}
              onChange={(e) => setForm({ ...form, producedOn: e.target.value })}
              error={fieldError('producedOn')}
            />
            <SaveOrCancel label="Enregistrer l’outil" busy={busy} editing={form.id !== 0} onCancel={() => setForm(EMPTY)} />
          </fieldset>
        </form>
      )}
      {removing && (
        <Modal
          title="Supprimer cet outil ?"
          submitLabel="Supprimer"
          danger
          onCancel={() => setRemoving(null)}
          onSubmit={() => void records.confirmRemoval('Outil supprimé.')}
        >
          <p>« {removing.title} » ne sera plus compté dans l’évaluation.</p>
        </Modal>
      )}
    </section>
  );
}
