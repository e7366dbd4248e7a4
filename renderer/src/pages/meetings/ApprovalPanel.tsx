import { FormEvent, useState } from 'react';
import { api, MinutesStatus } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';

interface Props {
  status: MinutesStatus;
  canKeep: boolean;
  onChanged: (next: MinutesStatus, message: string) => void;
}

const REASONS = [
  { value: 'approved_by_mail', label: 'Approuvé par courriel' },
  { value: 'approved_orally', label: 'Approuvé oralement' },
  { value: 'absent', label: 'Animateur absent lors de la relecture' },
];

/**
 * Before signing: the « points discutés » outside the situations, and the animateur's approval —
 * their own act in the app (the animation user linked to the meeting's animateur), or the
 * coordination's record of why it is missing, printed in the signature block.
 */
export function ApprovalPanel({ status, canKeep, onChanged }: Props) {
  const [points, setPoints] = useState(status.otherPoints);
  const [record, setRecord] = useState({ reason: 'approved_by_mail', on: '' });
  const [showRecord, setShowRecord] = useState(false);
  const form = useApiForm();
  const savePoints = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => api.minutes.otherPoints({ meetingId: status.meetingId, text: points }),
      (next) => onChanged(next, 'Points discutés enregistrés.'),
    );
  };
  const approve = () =>
    void form.submit(
      () => api.minutes.approve({ meetingId: status.meetingId }),
      (next) => onChanged(next, 'Projet de compte rendu approuvé.'),
    );
  const saveRecord = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => api.minutes.recordApproval({ meetingId: status.meetingId, reason: record.reason as 'absent', on: record.on }),
      (next) => {
        setShowRecord(false);
        onChanged(next, 'Motif consigné : il figurera dans le bloc des signatures.');
      },
    );
  };
  const { state, line } = status.approval;
  return (
    <div className="card panel">
      <h3>Approbation de l’animateur</h3>
      <Alert kind={state === 'approved' || state === 'recorded' ? 'success' : 'info'}>
        {status.animateur.name} : {line}
        {state === 'stale' && ' Le projet a changé depuis son approbation : elle est à renouveler.'}
      </Alert>
      {form.error && !form.error.fields && <ErrorAlert error={form.error} />}
      {status.canApprove && (
        <button type="button" className="primary" disabled={form.busy} onClick={approve}>
          J’approuve ce projet de compte rendu
        </button>
      )}
      {canKeep && state !== 'approved' && !showRecord && (
        <p>
          L’animateur approuve le projet depuis son compte d’animation, ou signe avec son certificat. Sinon :{' '}
          <button type="button" className="secondary" onClick={() => setShowRecord(true)}>
            Consigner pourquoi l’approbation manque…
          </button>
        </p>
      )}
      {canKeep && showRecord && (
        <form onSubmit={saveRecord} noValidate aria-label="Motif de l’absence d’approbation">
          <SelectField label="Motif" value={record.reason} onChange={(reason) => setRecord({ ...record, reason })} options={REASONS} />
          <Field
            label="Date"
            type="date"
            value={record.on}
            onChange={(e) => setRecord({ ...record, on: e.target.value })}
            error={form.fieldError('on')}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.busy}>
              Consigner
            </button>
            <button type="button" className="secondary" onClick={() => setShowRecord(false)}>
              Annuler
            </button>
          </div>
        </form>
      )}
      {canKeep && (
        <form onSubmit={savePoints} noValidate aria-label="Points discutés">
          <TextAreaField
            label="Points discutés hors situations (facultatif)"
            hint="Imprimés dans la section « Points discutés » du compte rendu. Aucune personne examinée n’y est nommée."
            value={points}
            onChange={setPoints}
            error={form.fieldError('text')}
          />
          <button type="submit" className="secondary" disabled={form.busy}>
            Enregistrer les points discutés
          </button>
        </form>
      )}
    </div>
  );
}
