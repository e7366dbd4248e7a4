import { useMemo, useState } from 'react';
import { PLAN_STATUSES } from '../../../../electron/shared/clsm-vocabulary';
import { api, AxisView, PlanActionView } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { useList } from '../../components/useList';
import { optionsOf } from '../../labels';

/** An action of the plan: its axis, pilot structure, planned dates and state (done or abandoned on a day). */
export function PlanActionDialog({
  action,
  axes,
  onSaved,
  onCancel,
}: {
  action: PlanActionView | null;
  axes: AxisView[];
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const structures = useList(() => api.partners.structureChoices({}), []);
  const initial = useMemo(
    () => ({
      axisId: action ? String(action.axisId) : '',
      title: action?.title ?? '',
      description: action?.description ?? '',
      pilot: action?.pilotStructureId ? String(action.pilotStructureId) : '',
      startsOn: action?.startsOn ?? '',
      dueOn: action?.dueOn ?? '',
      status: action?.status ?? 'planned',
      finishedOn: action?.finishedOn ?? '',
    }),
    [action],
  );
  const [form, setForm] = useState(initial);
  const draft = useFormDraft({ key: action ? `clsm-action:${action.id}` : 'clsm-action:new', value: form, initial, restore: setForm });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const finished = form.status === 'done' || form.status === 'abandoned';
  const axisOptions = axes.filter((a) => !a.archived || a.id === action?.axisId).map((a) => ({ value: String(a.id), label: a.title }));
  return (
    <Modal
      title={action ? 'Modifier l’action du plan' : 'Nouvelle action du plan'}
      submitLabel="Enregistrer"
      busy={busy}
      onSubmit={() =>
        void submit(
          () =>
            api.clsm.saveAction({
              ...(action ? { id: action.id } : {}),
              axisId: Number(form.axisId),
              title: form.title,
              description: form.description,
              pilotStructureId: form.pilot ? Number(form.pilot) : null,
              startsOn: form.startsOn,
              dueOn: form.dueOn,
              status: form.status,
              finishedOn: finished ? form.finishedOn : null,
            }),
          async () => {
            await draft.clear();
            await onSaved(action ? `« ${form.title.trim()} » modifiée.` : `« ${form.title.trim()} » ajoutée au plan.`);
          },
        )
      }
      onCancel={() => void draft.abandon().then((gone) => gone && onCancel())}
    >
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <SelectField
        label="Axe"
        value={form.axisId}
        onChange={set('axisId')}
        placeholder="Choisir un axe"
        options={axisOptions}
        error={fieldError('axisId')}
        autoFocusInDialog
      />
      <Field label="Action" value={form.title} onChange={(e) => set('title')(e.target.value)} error={fieldError('title')} />
      <TextAreaField
        label="Description (facultative)"
        rows={3}
        value={form.description}
        onChange={set('description')}
        error={fieldError('description')}
      />
      <SelectField
        label="Structure pilote"
        value={form.pilot}
        onChange={set('pilot')}
        options={[
          { value: '', label: 'Coordination du CLSM' },
          ...(structures.items ?? [])
            .filter((s) => s.active || String(s.id) === form.pilot)
            .map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        error={fieldError('pilotStructureId')}
      />
      <Field
        label="Début prévu"
        type="date"
        value={form.startsOn}
        onChange={(e) => set('startsOn')(e.target.value)}
        error={fieldError('startsOn')}
      />
      <Field
        label="Échéance prévue"
        type="date"
        value={form.dueOn}
        onChange={(e) => set('dueOn')(e.target.value)}
        error={fieldError('dueOn')}
      />
      <SelectField
        label="État"
        value={form.status}
        onChange={set('status')}
        options={optionsOf(PLAN_STATUSES)}
        error={fieldError('status')}
      />
      {finished && (
        <Field
          label={form.status === 'done' ? 'Réalisée le' : 'Abandonnée le'}
          type="date"
          value={form.finishedOn}
          onChange={(e) => set('finishedOn')(e.target.value)}
          error={fieldError('finishedOn')}
        />
      )}
    </Modal>
  );
}
