import { useState } from 'react';
import { ActionView, api } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { useLoaded } from '../../components/useList';
import { ownerOptions } from './ActionEntry';

/**
 * After the meeting, an action goes to another owner — one the person's consent allows (the list
 * offers only those) — with its reason; the next extract and the follow-up show it.
 */
export function ReassignDialog({
  action,
  onDone,
  onCancel,
}: {
  action: ActionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const choices = useLoaded(() => api.actions.owners({ itemId: action.itemId }), [action.itemId]);
  const [form, setForm] = useState({ owner: '', reason: '' });
  const { busy, error, submit, fieldError } = useApiForm();
  const current = `${action.owner.kind}:${action.owner.id}`;
  return (
    <Modal
      title={`Réattribuer l’action — ${action.code}`}
      submitLabel="Réattribuer"
      busy={busy}
      onSubmit={() => {
        const [kind, id] = form.owner.split(':') as ['member' | 'structure', string];
        void submit(
          () => api.actions.reassign({ actionId: action.id, owner: { kind: kind ?? 'member', id: Number(id) || 0 }, reason: form.reason }),
          () => onDone('Action réattribuée : le prochain extrait et le suivi l’indiquent.'),
        );
      }}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <p>
        « {action.what} » — aujourd’hui : {action.owner.name}
      </p>
      <SelectField
        label="Nouveau responsable"
        value={form.owner}
        onChange={(owner) => setForm({ ...form, owner })}
        placeholder="Choisir un membre ou une structure"
        options={ownerOptions(choices.value).filter((o) => o.value !== current)}
        error={fieldError('owner.id')}
      />
      <NecessaryText
        label="Motif de la réattribution"
        value={form.reason}
        onChange={(reason) => setForm({ ...form, reason })}
        error={fieldError('reason')}
        rows={2}
      />
    </Modal>
  );
}
