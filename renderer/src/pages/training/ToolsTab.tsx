import { FormEvent, useState } from 'react';
import { api, ToolView } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { useList } from '../../components/useList';
import { formatDay } from '../../labels';
import { TOOL_KINDS } from '../../../../electron/shared/training-vocabulary';

const EMPTY = { id: 0, kind: '', title: '', producedOn: '' };

/** The common tools the partners produced together (« élaboration d’outils communs »). */
export function ToolsTab({ canEdit }: { canEdit: boolean }) {
  const list = useList(() => api.clsm.tools({}), []);
  const [tools, setTools] = useState<ToolView[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [removing, setRemoving] = useState<ToolView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, submit, fieldError } = useApiForm();
  const items = tools ?? list.items;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.clsm.saveTool({
          ...(form.id ? { id: form.id } : {}),
          kind: form.kind as keyof typeof TOOL_KINDS,
          title: form.title,
          producedOn: form.producedOn,
        }),
      (next) => {
        setTools(next);
        setNotice(form.id ? 'Outil modifié.' : 'Outil enregistré.');
        setForm(EMPTY);
      },
    );
  };
  const remove = async (tool: ToolView) => {
    setRemoving(null);
    const result = await api.clsm.removeTool({ id: tool.id });
    if (result.ok) {
      setTools(result.value);
      setNotice('Outil supprimé.');
    } else setError(result.error);
  };
  return (
    <section>
      <h1>Outils communs</h1>
      {list.error && <Alert>{list.error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
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
                {canEdit && (
                  <td className="row-actions">
                    <button type="button" className="secondary" onClick={() => setForm({ ...t })}>
                      Modifier
                    </button>
                    <button type="button" className="secondary" onClick={() => setRemoving(t)}>
                      Supprimer
                    </button>
                  </td>
                )}
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
              options={Object.entries(TOOL_KINDS).map(([value, label]) => ({ value, label }))}
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
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                Enregistrer l’outil
              </button>
              {form.id !== 0 && (
                <button type="button" className="secondary" onClick={() => setForm(EMPTY)}>
                  Annuler
                </button>
              )}
            </div>
          </fieldset>
        </form>
      )}
      {removing && (
        <Modal
          title="Supprimer cet outil ?"
          submitLabel="Supprimer"
          danger
          onCancel={() => setRemoving(null)}
          onSubmit={() => void remove(removing)}
        >
          <p>« {removing.title} » ne sera plus compté dans l’évaluation.</p>
        </Modal>
      )}
    </section>
  );
}
