import { FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, TrainingSessionDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { useList } from '../../components/useList';
import { optionsOf } from '../../labels';
import { TRAINING_KINDS, TRAINING_STATUSES } from '../../../../electron/shared/training-vocabulary';

/** Records a planned workshop or placement, or changes one (held, cancelled, dates…). */
export function TrainingForm({
  training,
  onSaved,
}: {
  training: TrainingSessionDetail | null;
  onSaved?: (t: TrainingSessionDetail) => void;
}) {
  const navigate = useNavigate();
  const structures = useList(() => api.partners.structureChoices({}), []);
  const initial = useMemo(
    () => ({
      kind: training?.kind ?? 'workshop',
      theme: training?.theme ?? '',
      startsOn: training?.startsOn ?? '',
      endsOn: training?.endsOn ?? '',
      place: training?.place ?? '',
      trainer: training?.trainer ?? '',
      host: training?.hostStructureId ? String(training.hostStructureId) : '',
      hours: training ? String(training.durationHours) : '4',
      status: training?.status ?? 'planned',
    }),
    [training],
  );
  const [form, setForm] = useState(initial);
  const draft = useFormDraft({ key: training ? `training:${training.id}` : 'training:new', value: form, initial, restore: setForm });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.training.save({
          ...(training ? { id: training.id } : {}),
          kind: form.kind,
          theme: form.theme,
          startsOn: form.startsOn,
          // A workshop of one day: the end is the start unless said otherwise.
          endsOn: form.endsOn || form.startsOn,
          place: form.place,
          trainer: form.trainer,
          hostStructureId: form.host ? Number(form.host) : null,
          durationHours: Number(form.hours.replace(',', '.')),
          status: form.status,
        }),
      async (saved) => {
        await draft.clear();
        if (onSaved) onSaved(saved);
        else await navigate(`/formation/sessions/${saved.id}`);
      },
    );
  };
  return (
    <section>
      <h1>{training ? 'Modifier l’atelier ou le stage' : 'Nouvel atelier ou stage croisé'}</h1>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <SelectField label="Type" value={form.kind} onChange={set('kind')} options={optionsOf(TRAINING_KINDS)} error={fieldError('kind')} />
        <Field label="Thème" value={form.theme} onChange={(e) => set('theme')(e.target.value)} error={fieldError('theme')} />
        <Field
          label="Date de début"
          type="date"
          value={form.startsOn}
          onChange={(e) => set('startsOn')(e.target.value)}
          error={fieldError('startsOn')}
        />
        <Field
          label="Date de fin"
          hint="Laissez vide pour un atelier d’une journée."
          type="date"
          value={form.endsOn}
          onChange={(e) => set('endsOn')(e.target.value)}
          error={fieldError('endsOn')}
        />
        <Field
          label="Durée (heures)"
          inputMode="decimal"
          value={form.hours}
          onChange={(e) => set('hours')(e.target.value)}
          error={fieldError('durationHours')}
        />
        <Field label="Lieu" value={form.place} onChange={(e) => set('place')(e.target.value)} error={fieldError('place')} />
        <Field
          label="Intervenant ou structure animatrice"
          value={form.trainer}
          onChange={(e) => set('trainer')(e.target.value)}
          error={fieldError('trainer')}
        />
        <SelectField
          label={form.kind === 'placement' ? 'Structure d’accueil du stage' : 'Structure d’accueil (facultatif)'}
          value={form.host}
          onChange={set('host')}
          options={[
            { value: '', label: 'Aucune' },
            ...(structures.items ?? []).filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name })),
          ]}
          error={fieldError('hostStructureId')}
        />
        <SelectField
          label="Statut"
          value={form.status}
          onChange={set('status')}
          options={optionsOf(TRAINING_STATUSES)}
          error={fieldError('status')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Enregistrer
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void draft.abandon().then((gone) => {
                if (!gone) return;
                if (onSaved && training) onSaved(training);
                else void navigate('/formation/sessions');
              })
            }
          >
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
