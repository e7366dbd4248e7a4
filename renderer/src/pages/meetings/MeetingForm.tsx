import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, MeetingDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { useApiForm } from '../../components/useApiForm';

/** Plans a meeting, or changes one that has not been held (the main process refuses otherwise). */
export function MeetingForm({ meeting, onSaved }: { meeting: MeetingDetail | null; onSaved?: (saved: MeetingDetail) => void }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({
    heldOn: meeting?.heldOn ?? '',
    startsAt: meeting?.startsAt ?? '14:00',
    endsAt: meeting?.endsAt ?? '17:30',
    place: meeting?.place ?? '',
    animateur: meeting ? String(meeting.animateur.id) : '',
  });
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.meetings.save({
          ...(meeting ? { id: meeting.id } : {}),
          heldOn: form.heldOn,
          startsAt: form.startsAt,
          endsAt: form.endsAt,
          place: form.place,
          animateurMemberId: Number(form.animateur) || 0,
        }),
      (saved) => {
        if (onSaved) onSaved(saved);
        else void navigate(`/commissions/${saved.id}/ordre-du-jour`, { state: { notice: 'Séance planifiée.' } });
      },
    );
  };
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  return (
    <section>
      <h1>{meeting ? 'Modifier la séance' : 'Planifier une séance'}</h1>
      {error && <ErrorAlert error={error} fieldsShown />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <Field
          label="Date de la séance"
          type="date"
          value={form.heldOn}
          onChange={(e) => set('heldOn')(e.target.value)}
          error={fieldError('heldOn')}
        />
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
        <MemberPicker
          label="Animateur de la séance"
          value={form.animateur}
          onChange={set('animateur')}
          error={fieldError('animateurMemberId')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Enregistrer
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void navigate(meeting ? `/commissions/${meeting.id}` : '/commissions')}
          >
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
