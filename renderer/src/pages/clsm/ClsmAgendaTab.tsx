import { FormEvent, useMemo, useState } from 'react';
import { api, ClsmMeetingDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { firstField } from '../../components/focus';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import type { Changed } from './meeting';

interface Row {
  id?: number;
  title: string;
  presenter: string;
}

/** After a move or an addition, the title of the point where it landed takes the focus. */
const focusPoint = (index: number) =>
  requestAnimationFrame(() => firstField(document.querySelectorAll<HTMLElement>('ol.points > li')[index] ?? null)?.focus());

/** The agenda: ordered points with who presents them, edited as a whole and saved at once. */
export function ClsmAgendaTab({ meeting, canEdit, onChanged }: { meeting: ClsmMeetingDetail; canEdit: boolean; onChanged: Changed }) {
  const initial = useMemo(() => meeting.points.map((p): Row => ({ id: p.id, title: p.title, presenter: p.presenter })), [meeting.points]);
  const [rows, setRows] = useState<Row[]>(initial);
  const draft = useFormDraft({ key: canEdit ? `clsm-agenda:${meeting.id}` : null, value: rows, initial, restore: setRows });
  const { busy, error, submit, fieldError } = useApiForm();
  const written = new Set(meeting.points.filter((p) => p.minutesText.trim()).map((p) => p.id));

  if (!canEdit)
    return meeting.points.length === 0 ? (
      <p className="empty">L’ordre du jour n’est pas encore établi.</p>
    ) : (
      <ol className="agenda">
        {meeting.points.map((p) => (
          <li key={p.id}>
            {p.title}
            {p.presenter && <span className="muted"> — présenté par {p.presenter}</span>}
          </li>
        ))}
      </ol>
    );

  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
    focusPoint(index + by);
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    if (
      row.id !== undefined &&
      written.has(row.id) &&
      !window.confirm(`Le compte rendu de « ${row.title} » est commencé : retirer ce point efface aussi son texte. Continuer ?`)
    )
      return;
    setRows(rows.filter((_, i) => i !== index));
  };
  const add = () => {
    setRows([...rows, { title: '', presenter: '' }]);
    focusPoint(rows.length);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.clsm.savePoints({
          meetingId: meeting.id,
          points: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), title: r.title, presenter: r.presenter })),
        }),
      async (saved) => {
        // The saved agenda (new points now have their id) is the form's new starting point.
        const next = saved.points.map((p): Row => ({ id: p.id, title: p.title, presenter: p.presenter }));
        setRows(next);
        await draft.clear(next);
        onChanged(saved, `Ordre du jour enregistré : ${saved.points.length} point${saved.points.length > 1 ? 's' : ''}.`);
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      {rows.length === 0 && <p className="empty">Aucun point pour l’instant : ajoutez le premier.</p>}
      <ol className="points">
        {rows.map((row, index) => (
          <li key={row.id ?? `new-${index}`}>
            <fieldset>
              <legend>Point {index + 1}</legend>
              <Field
                label="Intitulé"
                value={row.title}
                onChange={(e) => update(index, { title: e.target.value })}
                error={fieldError(`points.${index}.title`)}
              />
              <Field
                label="Présenté par (facultatif)"
                value={row.presenter}
                onChange={(e) => update(index, { presenter: e.target.value })}
                error={fieldError(`points.${index}.presenter`)}
              />
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Monter le point ${index + 1}`}
                >
                  Monter
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Descendre le point ${index + 1}`}
                >
                  Descendre
                </button>
                <button type="button" className="secondary" onClick={() => remove(index)} aria-label={`Retirer le point ${index + 1}`}>
                  Retirer
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="secondary" onClick={add}>
          Ajouter un point
        </button>
        <button type="submit" className="primary" disabled={busy || !draft.dirty}>
          Enregistrer l’ordre du jour
        </button>
      </div>
    </form>
  );
}
