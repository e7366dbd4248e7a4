import { FormEvent, useRef, useState } from 'react';
import { api, TrainingSessionDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextAreaField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { firstField } from '../../components/focus';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { optionsOf } from '../../labels';
import { SATISFACTION_LABELS } from '../../../../electron/shared/training-vocabulary';
import { SECTORS } from '../../../../electron/shared/vocabulary';

const yesNo = (v: boolean | null) => (v === null ? 'Sans réponse' : v ? 'Oui' : 'Non');

export function QuestionnaireList({ training, onRemove }: { training: TrainingSessionDetail; onRemove: ((id: number) => void) | null }) {
  if (training.questionnaires.length === 0) return <p className="empty">Aucun questionnaire saisi.</p>;
  return (
    <table className="data">
      <caption className="visually-hidden">Questionnaires saisis</caption>
      <thead>
        <tr>
          <th scope="col">N°</th>
          <th scope="col">Secteur</th>
          <th scope="col">Satisfaction</th>
          <th scope="col">Connaissances acquises</th>
          <th scope="col">Coordination améliorée</th>
          <th scope="col">Collaborations</th>
          {onRemove && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {training.questionnaires.map((q, index) => (
          <tr key={q.id}>
            <td>{index + 1}</td>
            <td>{q.sector ? SECTORS[q.sector] : 'Non indiqué'}</td>
            <td>{q.satisfaction} / 5</td>
            <td>{q.knowledge.join(', ') || '—'}</td>
            <td>{yesNo(q.coordinationImproved)}</td>
            <td>{yesNo(q.collaborationsDeveloped)}</td>
            {onRemove && (
              <td>
                <button type="button" className="secondary" onClick={() => onRemove(q.id)}>
                  Supprimer le questionnaire {index + 1}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function YesNo({ legend, value, onChange, name }: { legend: string; value: string; onChange: (v: string) => void; name: string }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {[
        ['yes', 'Oui'],
        ['no', 'Non'],
        ['', 'Sans réponse'],
      ].map(([v, label]) => (
        <div className="checkbox" key={v}>
          <label>
            <input type="radio" name={name} checked={value === v} onChange={() => onChange(v!)} /> {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

const EMPTY = { sector: '', satisfaction: '', knowledge: [] as string[], coordination: '', collaborations: '', comment: '' };
const flag = (v: string) => (v === '' ? null : v === 'yes');

/** Types in one paper questionnaire's answers, anonymously. */
export function QuestionnaireForm({
  training,
  onRecorded,
}: {
  training: TrainingSessionDetail;
  onRecorded: (t: TrainingSessionDetail) => void;
}) {
  const [form, setForm] = useState(EMPTY);
  const draft = useFormDraft({ key: `questionnaire:${training.id}`, value: form, initial: EMPTY, restore: setForm });
  const formRef = useRef<HTMLFormElement>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.training.recordQuestionnaire({
          sessionId: training.id,
          sector: form.sector ? (form.sector as keyof typeof SECTORS) : null,
          satisfaction: Number(form.satisfaction),
          knowledge: form.knowledge,
          coordinationImproved: flag(form.coordination),
          collaborationsDeveloped: flag(form.collaborations),
          comment: form.comment,
        }),
      async (next) => {
        await draft.clear(EMPTY);
        setForm(EMPTY);
        onRecorded(next);
        // The next paper questionnaire is typed from the first field, without the mouse.
        firstField(formRef.current)?.focus();
      },
    );
  };
  const toggle = (k: string) =>
    setForm({ ...form, knowledge: form.knowledge.includes(k) ? form.knowledge.filter((x) => x !== k) : [...form.knowledge, k] });
  return (
    <form onSubmit={onSubmit} className="narrow" noValidate ref={formRef}>
      <fieldset className="group">
        <legend>Saisir un questionnaire</legend>
        <DraftNotice draft={draft} />
        {error && <ErrorAlert error={error} fieldsShown />}
        <SelectField
          label="Secteur de la structure du répondant (facultatif)"
          value={form.sector}
          onChange={(sector) => setForm({ ...form, sector })}
          options={[{ value: '', label: 'Non indiqué' }, ...optionsOf(SECTORS)]}
        />
        <SelectField
          label="Satisfaction"
          value={form.satisfaction}
          onChange={(satisfaction) => setForm({ ...form, satisfaction })}
          placeholder="Choisir de 1 à 5"
          options={Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label: `${value} — ${label}` }))}
          error={fieldError('satisfaction')}
        />
        <fieldset className="group">
          <legend>Connaissances acquises</legend>
          {training.knowledgeTypologies.map((k) => (
            <div className="checkbox" key={k}>
              <label>
                <input type="checkbox" checked={form.knowledge.includes(k)} onChange={() => toggle(k)} /> {k}
              </label>
            </div>
          ))}
        </fieldset>
        <YesNo
          legend="Coordination améliorée"
          name="coordination"
          value={form.coordination}
          onChange={(coordination) => setForm({ ...form, coordination })}
        />
        <YesNo
          legend="Nouvelles collaborations développées"
          name="collaborations"
          value={form.collaborations}
          onChange={(collaborations) => setForm({ ...form, collaborations })}
        />
        <TextAreaField label="Commentaire libre" value={form.comment} onChange={(comment) => setForm({ ...form, comment })} rows={3} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Enregistrer le questionnaire
          </button>
        </div>
      </fieldset>
    </form>
  );
}
