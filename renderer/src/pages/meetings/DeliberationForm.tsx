import { FormEvent, useMemo, useState } from 'react';
import { api, ItemSession } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { CLOSURE_REASONS, ITEM_OUTCOMES, optionsOf, PERSON_PRESENCE } from '../../labels';

type Done = (next: ItemSession, message: string) => void;

const formOf = (session: ItemSession) => ({
  synthesis: session.deliberation?.synthesis ?? '',
  hypotheses: session.deliberation?.hypotheses ?? '',
  typology: session.deliberation?.responseTypology ?? [],
  proposals: session.deliberation?.proposals ?? '',
  presence: session.item.personPresence ?? '',
});

/** The deliberation of the item, saved as often as wanted during the session. */
export function DeliberationForm({ session, editable, onSaved }: { session: ItemSession; editable: boolean; onSaved: Done }) {
  const initial = useMemo(() => formOf(session), [session]);
  const [form, setForm] = useState(initial);
  // Ten silent minutes of discussion must not cost the synthesis: it is kept as a draft while typed.
  const draft = useFormDraft({
    key: editable ? `deliberation:${session.item.id}` : null,
    situationId: session.item.situationId,
    value: form,
    initial,
    restore: setForm,
  });
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.meetings.deliberate({
          itemId: session.item.id,
          synthesis: form.synthesis,
          hypotheses: form.hypotheses,
          responseTypology: form.typology,
          proposals: form.proposals,
          personPresence: form.presence === '' ? null : (form.presence as keyof typeof PERSON_PRESENCE),
        }),
      async (next) => {
        // The form shows what was stored (trimmed by the main process), which is now the baseline.
        await draft.clear(formOf(next));
        setForm(formOf(next));
        onSaved(next, 'Délibération enregistrée.');
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="deliberation-title">
      <h3 id="deliberation-title">Délibération</h3>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      {session.meeting.state === 'minutes_signed' && (
        <p className="muted">Compte rendu signé : cette délibération ne peut plus être modifiée (une correction se fait par un additif).</p>
      )}
      {/* A disabled fieldset makes every control read-only at once once the minutes are signed. */}
      <fieldset className="bare" disabled={!editable}>
        <NecessaryText
          label="Synthèse"
          value={form.synthesis}
          onChange={(synthesis) => setForm({ ...form, synthesis })}
          error={fieldError('synthesis')}
          rows={4}
        />
        <NecessaryText
          label="Hypothèses de travail (facultatif)"
          value={form.hypotheses}
          onChange={(hypotheses) => setForm({ ...form, hypotheses })}
          error={fieldError('hypotheses')}
          rows={2}
        />
        <fieldset className="group">
          <legend>Typologie de la réponse</legend>
          {session.responseTypologies.map((tag) => (
            <div className="checkbox" key={tag}>
              <input
                id={`response-${tag}`}
                type="checkbox"
                disabled={!editable}
                checked={form.typology.includes(tag)}
                onChange={(e) =>
                  setForm({ ...form, typology: e.target.checked ? [...form.typology, tag] : form.typology.filter((t) => t !== tag) })
                }
              />
              <label htmlFor={`response-${tag}`}>{tag}</label>
            </div>
          ))}
        </fieldset>
        <NecessaryText
          label="Propositions"
          value={form.proposals}
          onChange={(proposals) => setForm({ ...form, proposals })}
          error={fieldError('proposals')}
          rows={3}
        />
        <SelectField
          label="La personne, pour ce point"
          value={form.presence}
          onChange={(presence) => setForm({ ...form, presence })}
          placeholder="Choisir"
          options={optionsOf(PERSON_PRESENCE)}
          error={fieldError('personPresence')}
        />
      </fieldset>
      {editable && (
        <button type="submit" className="primary" disabled={busy}>
          Enregistrer la délibération
        </button>
      )}
    </form>
  );
}

/** Concludes the item: follow-up (with a re-examination date or not) or closing with a reason. */
export function ConcludeForm({ session, onDone }: { session: ItemSession; onDone: Done }) {
  const [form, setForm] = useState({ outcome: '', reexamineOn: '', closureReason: '', closureNote: '' });
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.meetings.concludeItem({
          itemId: session.item.id,
          outcome: form.outcome as keyof typeof ITEM_OUTCOMES,
          reexamineOn: form.outcome === 'follow_up' && form.reexamineOn ? form.reexamineOn : null,
          closureReason: form.outcome === 'closed' && form.closureReason ? (form.closureReason as 'resolved') : null,
          closureNote: form.closureNote,
        }),
      (next) =>
        onDone(
          next,
          form.outcome === 'closed' ? 'Point conclu : la situation est clôturée.' : 'Point conclu : la situation passe en suivi.',
        ),
    );
  };
  const { consent_withdrawn: _withdrawn, ...reasons } = CLOSURE_REASONS;
  void _withdrawn;
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="conclude-title">
      <h3 id="conclude-title">Conclure le point</h3>
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      {!session.deliberation && <Alert kind="info">Enregistrez d’abord la synthèse et les propositions.</Alert>}
      <SelectField
        label="Suite donnée"
        value={form.outcome}
        onChange={(outcome) => setForm({ ...form, outcome })}
        placeholder="Choisir"
        options={optionsOf(ITEM_OUTCOMES)}
        error={fieldError('outcome')}
      />
      {form.outcome === 'follow_up' && (
        <Field
          label="Date de réexamen (facultatif)"
          type="date"
          value={form.reexamineOn}
          onChange={(e) => setForm({ ...form, reexamineOn: e.target.value })}
          error={fieldError('reexamineOn')}
        />
      )}
      {form.outcome === 'closed' && (
        <>
          <SelectField
            label="Motif de clôture"
            value={form.closureReason}
            onChange={(closureReason) => setForm({ ...form, closureReason })}
            placeholder="Choisir"
            options={optionsOf(reasons)}
            error={fieldError('closureReason')}
          />
          <NecessaryText
            label="Précision"
            value={form.closureNote}
            onChange={(closureNote) => setForm({ ...form, closureNote })}
            error={fieldError('closureNote')}
            rows={2}
          />
        </>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Conclure le point
      </button>
    </form>
  );
}
