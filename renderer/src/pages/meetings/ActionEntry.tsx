import { FormEvent, useState } from 'react';
import { api, ApiError, ItemSession, OwnerChoices } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { useLoaded } from '../../components/useList';
import { ACTION_STAGES, formatDay } from '../../labels';

const NO_ACTION = { what: '', owner: '', dueOn: '' };

/**
 * Quick entry of the item's actions: what, who (a member or a structure), by when. Only the owners
 * the person's consent allows are offered (G3, G5: the main process refuses the others).
 */
export function ActionEntry({ session, editable, onChanged }: { session: ItemSession; editable: boolean; onChanged: () => void }) {
  const choices = useLoaded(() => api.actions.owners({ itemId: session.item.id }), [session.item.id, session.exits.length]);
  const [form, setForm] = useState(NO_ACTION);
  const draft = useFormDraft({
    key: editable ? `action:${session.item.id}` : null,
    situationId: session.item.situationId,
    value: form,
    initial: NO_ACTION,
    restore: setForm,
  });
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = form.owner.split(':') as ['member' | 'structure', string];
    void submit(
      () =>
        api.actions.add({
          itemId: session.item.id,
          what: form.what,
          owner: { kind: kind ?? 'member', id: Number(id) || 0 },
          dueOn: form.dueOn,
        }),
      async () => {
        await draft.clear(NO_ACTION);
        setForm(NO_ACTION);
        onChanged();
      },
    );
  };
  const remove = async (actionId: number) => {
    const result = await api.actions.remove({ actionId });
    if (result.ok) onChanged();
    else setRemoveError(result.error);
  };
  const owners = ownerOptions(choices.value);
  return (
    <section className="card panel" aria-labelledby="actions-title">
      <h3 id="actions-title">Actions ({session.actions.length})</h3>
      {removeError && <ErrorAlert error={removeError} />}
      <DraftNotice draft={draft} />
      {session.actions.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Actions décidées pour ce point</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Responsable</th>
              <th scope="col">Échéance</th>
              <th scope="col">État</th>
              {editable && session.meeting.state === 'convened' && <th scope="col">Supprimer</th>}
            </tr>
          </thead>
          <tbody>
            {session.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.what}</td>
                <td>{a.owner.name}</td>
                <td>{formatDay(a.dueOn)}</td>
                <td>{ACTION_STAGES[a.stage]}</td>
                {editable && session.meeting.state === 'convened' && (
                  <td>
                    <button type="button" className="secondary" onClick={() => void remove(a.id)}>
                      Supprimer<span className="visually-hidden"> l’action « {a.what} »</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form onSubmit={onSubmit} noValidate aria-label="Ajouter une action">
          {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
          <Field
            label="Action à mener"
            value={form.what}
            onChange={(e) => setForm({ ...form, what: e.target.value })}
            error={fieldError('what')}
          />
          <SelectField
            label="Responsable"
            value={form.owner}
            onChange={(owner) => setForm({ ...form, owner })}
            placeholder="Choisir un membre ou une structure"
            options={owners}
            error={fieldError('owner.id')}
          />
          <Field
            label="Échéance"
            type="date"
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
            error={fieldError('dueOn')}
          />
          <button type="submit" className="secondary" disabled={busy}>
            Ajouter l’action
          </button>
        </form>
      )}
    </section>
  );
}

/** The owners offered: members first, then structures, as `kind:id` values. */
export function ownerOptions(choices: OwnerChoices | null): { value: string; label: string }[] {
  return [
    ...(choices?.members ?? []).map((m) => ({ value: `member:${m.id}`, label: `${m.displayName} (${m.structureName})` })),
    ...(choices?.structures ?? []).map((s) => ({ value: `structure:${s.id}`, label: `${s.name} (structure)` })),
  ];
}
