import { FormEvent, useRef, useState } from 'react';
import { api, TrainingSessionDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { useApiForm } from '../../components/useApiForm';
import { optionsOf } from '../../labels';
import { SECTORS } from '../../../../electron/shared/vocabulary';

const SECTOR_OPTIONS = optionsOf(SECTORS);

/** Adds a member of the directory, or a professional from outside it (name, structure, sector). */
export function ParticipantForm({ sessionId, onAdded }: { sessionId: number; onAdded: (t: TrainingSessionDetail) => void }) {
  const [source, setSource] = useState<'member' | 'external'>('member');
  const [form, setForm] = useState({ memberId: '', name: '', structureName: '', sector: '' });
  const formRef = useRef<HTMLFormElement>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        source === 'member'
          ? api.training.addParticipant({ source, sessionId, memberId: Number(form.memberId) || 0 })
          : api.training.addParticipant({
              source,
              sessionId,
              name: form.name,
              structureName: form.structureName,
              sector: form.sector as keyof typeof SECTORS,
            }),
      (next) => {
        setForm({ memberId: '', name: '', structureName: '', sector: '' });
        onAdded(next);
        // The next participant is chosen at once, from the keyboard.
        formRef.current?.querySelector<HTMLElement>('select, input:not([type="radio"])')?.focus();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="narrow" noValidate ref={formRef}>
      <fieldset className="group">
        <legend>Inscrire un participant</legend>
        {error && <ErrorAlert error={error} fieldsShown />}
        <div className="checkbox">
          <label>
            <input type="radio" name="participant-source" checked={source === 'member'} onChange={() => setSource('member')} /> Membre de
            l’annuaire
          </label>
        </div>
        <div className="checkbox">
          <label>
            <input type="radio" name="participant-source" checked={source === 'external'} onChange={() => setSource('external')} /> Personne
            extérieure à l’annuaire
          </label>
        </div>
        {source === 'member' ? (
          <MemberPicker
            label="Membre"
            value={form.memberId}
            onChange={(memberId) => setForm({ ...form, memberId })}
            error={fieldError('memberId')}
          />
        ) : (
          <>
            <Field
              label="Nom et prénom"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={fieldError('name')}
            />
            <Field
              label="Structure"
              value={form.structureName}
              onChange={(e) => setForm({ ...form, structureName: e.target.value })}
              error={fieldError('structureName')}
            />
            <SelectField
              label="Secteur de la structure"
              value={form.sector}
              onChange={(sector) => setForm({ ...form, sector })}
              placeholder="Choisir un secteur"
              options={SECTOR_OPTIONS}
              error={fieldError('sector')}
            />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Inscrire
          </button>
        </div>
      </fieldset>
    </form>
  );
}
