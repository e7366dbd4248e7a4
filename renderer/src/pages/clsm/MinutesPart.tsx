import { FormEvent, useState } from 'react';
import { api, ClsmMeetingDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import type { Changed } from './meeting';

type Part = 'intro' | 'opening' | 'point' | 'discussed' | 'closing';

/** One part of the minutes: typed, kept as a draft until saved, saved on its own. */
export function MinutesPart({
  meeting,
  part,
  pointId,
  label,
  text,
  onChanged,
}: {
  meeting: ClsmMeetingDetail;
  part: Part;
  pointId?: number;
  label: string;
  text: string;
  onChanged: Changed;
}) {
  const [value, setValue] = useState(text);
  const draft = useFormDraft({
    key: `clsm-minutes:${meeting.id}:${part}${pointId ? `:${pointId}` : ''}`,
    value,
    initial: text,
    restore: setValue,
  });
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => api.clsm.saveMinutes({ meetingId: meeting.id, part, ...(pointId ? { pointId } : {}), text: value }),
      async (fresh) => {
        // As stored (trimmed): the form's new starting point, so that nothing shows as unsaved.
        const stored = part === 'point' ? (fresh.points.find((p) => p.id === pointId)?.minutesText ?? '') : fresh.minutes[part];
        setValue(stored);
        await draft.clear(stored);
        onChanged(fresh, `« ${label} » enregistré.`);
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="card panel minutes-part" noValidate>
      <DraftNotice draft={draft} />
      {error && !error.fields && <ErrorAlert error={error} />}
      <TextAreaField label={label} rows={value.length > 400 ? 12 : 5} value={value} onChange={setValue} error={fieldError('text')} />
      <button type="submit" className="primary" disabled={busy || !draft.dirty} aria-label={`Enregistrer « ${label} »`}>
        Enregistrer
      </button>
    </form>
  );
}
