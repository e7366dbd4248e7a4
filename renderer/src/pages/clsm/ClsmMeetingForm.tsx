import { FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CLSM_MEETING_KINDS, CLSM_MEETING_STATUSES } from '../../../../electron/shared/training-vocabulary';
import { api, ClsmMeetingDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { optionsOf } from '../../labels';

const lines = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

/** Plans a meeting of the CLSM's bodies, or changes one (held, cancelled, its place…). */
export function ClsmMeetingForm({ meeting, onSaved }: { meeting: ClsmMeetingDetail | null; onSaved?: (m: ClsmMeetingDetail) => void }) {
  const navigate = useNavigate();
  const initial = useMemo(
    () => ({
      kind: meeting?.kind ?? 'comite_pilotage',
      heldOn: meeting?.heldOn ?? '',
      startsAt: meeting?.startsAt ?? '14:00',
      endsAt: meeting?.endsAt ?? '16:30',
      place: meeting?.place ?? '',
      status: meeting?.status ?? 'planned',
      subject: meeting?.subject ?? '',
      nextMeeting: meeting?.nextMeeting ?? '',
      documents: (meeting?.attachedDocuments ?? []).join('\n'),
    }),
    [meeting],
  );
  const [form, setForm] = useState(initial);
  const draft = useFormDraft({ key: meeting ? `clsm-meeting:${meeting.id}` : 'clsm-meeting:new', value: form, initial, restore: setForm });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.clsm.saveMeeting({
          ...(meeting ? { id: meeting.id } : {}),
          kind: form.kind,
          heldOn: form.heldOn,
          startsAt: form.startsAt,
          endsAt: form.endsAt,
          place: form.place,
          status: form.status,
          subject: form.subject,
          nextMeeting: form.nextMeeting,
          attachedDocuments: lines(form.documents),
        }),
      async (saved) => {
        await draft.clear();
        if (onSaved) onSaved(saved);
        else
          await navigate(`/instances/reunions/${saved.id}/ordre-du-jour`, {
            state: { notice: 'Réunion enregistrée. Ajoutez l’ordre du jour et les invités.' },
          });
      },
    );
  };
  return (
    <section>
      <h1>{meeting ? 'Modifier la réunion' : 'Nouvelle réunion du CLSM'}</h1>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <SelectField
          label="Instance"
          value={form.kind}
          onChange={set('kind')}
          options={optionsOf(CLSM_MEETING_KINDS)}
          error={fieldError('kind')}
        />
        <Field label="Date" type="date" value={form.heldOn} onChange={(e) => set('heldOn')(e.target.value)} error={fieldError('heldOn')} />
        <Field
          label="Heure de début"
          type="time"
          value={form.startsAt}
          onChange={(e) => set('startsAt')(e.target.value)}
          error={fieldError('startsAt')}
        />
        <Field
          label="Heure de fin"
          type="time"
          value={form.endsAt}
          onChange={(e) => set('endsAt')(e.target.value)}
          error={fieldError('endsAt')}
        />
        <Field label="Lieu" value={form.place} onChange={(e) => set('place')(e.target.value)} error={fieldError('place')} />
        <Field
          label="Objet (facultatif)"
          hint="Par exemple « Bilan 2026 et perspectives » : il figure sur les convocations et le compte rendu."
          value={form.subject}
          onChange={(e) => set('subject')(e.target.value)}
          error={fieldError('subject')}
        />
        <SelectField
          label="État"
          value={form.status}
          onChange={set('status')}
          options={optionsOf(CLSM_MEETING_STATUSES)}
          error={fieldError('status')}
        />
        <TextAreaField
          label="Documents joints (un par ligne)"
          hint="Listés sur les convocations et dans le compte rendu : diaporama, bilan, plan d’action…"
          rows={3}
          value={form.documents}
          onChange={set('documents')}
          error={Object.entries(error?.fields ?? {}).find(([k]) => k.startsWith('attachedDocuments'))?.[1]}
        />
        <Field
          label="Prochaine réunion (facultatif)"
          hint="Ce que dira l’en-tête du compte rendu, par exemple « Assemblée plénière en juin (date à convenir) »."
          value={form.nextMeeting}
          onChange={(e) => set('nextMeeting')(e.target.value)}
          error={fieldError('nextMeeting')}
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
                if (onSaved && meeting) onSaved(meeting);
                else void navigate(meeting ? `/instances/reunions/${meeting.id}` : '/instances/reunions');
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
