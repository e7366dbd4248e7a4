import { useState } from 'react';
import {
  ClosureReason,
  ELIGIBILITY_QUESTIONS,
  EligibilityQuestion,
  EMERGENCY_CONTACTS,
  MANUAL_CLOSURE_CODES,
} from '../../../../electron/shared/situation-vocabulary';
import { systemClock, today } from '../../../../electron/shared/dates';
import { api, SituationDetail } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { NecessaryText } from '../../components/NecessaryText';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { CLOSURE_REASONS } from '../../labels';

interface DialogProps {
  situation: SituationDetail;
  onDone: (detail: SituationDetail, message: string) => void;
  onCancel: () => void;
}

/** The four questions of the commission's frame; an emergency is sent elsewhere. */
export function EligibilityDialog({ situation, onDone, onCancel }: DialogProps) {
  const [answers, setAnswers] = useState<Record<EligibilityQuestion, boolean | null>>({
    adult: null,
    routesTried: null,
    complexity: null,
    notEmergency: null,
  });
  const [decidedOn, setDecidedOn] = useState(today(systemClock));
  const [reason, setReason] = useState('');
  const { busy, error, submit, fieldError } = useApiForm();
  const answered = Object.values(answers).every((a) => a !== null);
  const eligible = answered && Object.values(answers).every(Boolean);
  const decide = () =>
    void submit(
      () =>
        api.situations.decideEligibility({
          id: situation.id,
          answers: {
            adult: answers.adult === true,
            routesTried: answers.routesTried === true,
            complexity: answers.complexity === true,
            notEmergency: answers.notEmergency === true,
          },
          decision: eligible ? 'eligible' : 'rejected',
          decidedOn,
          rejectionReason: reason,
        }),
      (detail) =>
        onDone(
          detail,
          eligible
            ? 'Saisine recevable : recueillez maintenant le consentement de la personne.'
            : 'Saisine non recevable : le motif est conservé.',
        ),
    );
  return (
    <Modal
      title={`Recevabilité de la saisine ${situation.code}`}
      submitLabel={answered ? (eligible ? 'Déclarer recevable' : 'Déclarer non recevable') : 'Répondez aux quatre questions'}
      submitDisabled={!answered}
      busy={busy}
      onSubmit={decide}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      {(Object.keys(ELIGIBILITY_QUESTIONS) as EligibilityQuestion[]).map((q, index) => (
        <fieldset className="group" key={q}>
          <legend>{ELIGIBILITY_QUESTIONS[q]}</legend>
          {(['oui', 'non'] as const).map((label) => (
            <div className="checkbox" key={label}>
              <input
                type="radio"
                id={`eligibility-${q}-${label}`}
                name={`eligibility-${q}`}
                checked={answers[q] === (label === 'oui')}
                onChange={() => setAnswers({ ...answers, [q]: label === 'oui' })}
                {...(index === 0 && label === 'oui' ? { 'data-autofocus': true } : {})}
              />
              <label htmlFor={`eligibility-${q}-${label}`}>{label === 'oui' ? 'Oui' : 'Non'}</label>
            </div>
          ))}
        </fieldset>
      ))}
      {answers.notEmergency === false && (
        <Alert kind="info">
          La Commission n’est pas un service d’urgence. Orientez sans attendre :
          <ul>
            {EMERGENCY_CONTACTS.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Field
        label="Date de la décision"
        type="date"
        value={decidedOn}
        onChange={(e) => setDecidedOn(e.target.value)}
        error={fieldError('decidedOn')}
      />
      {answered && !eligible && (
        <NecessaryText
          label="Motif de non-recevabilité (conservé)"
          value={reason}
          onChange={setReason}
          error={fieldError('rejectionReason')}
          rows={3}
          required
        />
      )}
      {fieldError('decision') && <p className="field-error">{fieldError('decision')}</p>}
    </Modal>
  );
}

/** G7: one action, effective at once; confirmed because it closes the situation. */
export function WithdrawDialog({ situation, onDone, onCancel }: DialogProps) {
  const [withdrawnOn, setWithdrawnOn] = useState(today(systemClock));
  const [note, setNote] = useState('');
  const { busy, error, submit, fieldError } = useApiForm();
  return (
    <Modal
      title={`Retrait du consentement — ${situation.code}`}
      submitLabel="Retirer le consentement et clôturer"
      danger
      busy={busy}
      onSubmit={() =>
        void submit(
          () => api.consents.withdraw({ situationId: situation.id, withdrawnOn, note }),
          (detail) => onDone(detail, 'Consentement retiré : la situation est clôturée et ne peut plus être présentée.'),
        )
      }
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      <p>
        Le retrait prend effet immédiatement : la situation est clôturée (motif « consentement retiré »), retirée de tout ordre du jour, et
        n’est plus présentée. Ce qui a été fait avant reste valable. Cette action ne peut pas être annulée.
      </p>
      <Field
        label="Date du retrait"
        type="date"
        value={withdrawnOn}
        onChange={(e) => setWithdrawnOn(e.target.value)}
        error={fieldError('withdrawnOn')}
        data-autofocus
      />
      <NecessaryText label="Précision (facultatif)" value={note} onChange={setNote} error={fieldError('note')} rows={2} />
    </Modal>
  );
}

export function CloseDialog({ situation, onDone, onCancel }: DialogProps) {
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState(today(systemClock));
  const [note, setNote] = useState('');
  const { busy, error, submit, fieldError } = useApiForm();
  return (
    <Modal
      title={`Clôturer la situation ${situation.code}`}
      submitLabel="Clôturer"
      danger
      busy={busy}
      onSubmit={() =>
        void submit(
          () => api.situations.close({ id: situation.id, reason: reason as ClosureReason, closedOn, note }),
          (detail) => onDone(detail, 'Situation clôturée.'),
        )
      }
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      <p>
        Une situation clôturée ne peut plus être modifiée ni présentée. Pour un retrait du consentement, utilisez « Retrait du consentement
        ».
      </p>
      <SelectField
        label="Motif de clôture"
        value={reason}
        onChange={setReason}
        options={MANUAL_CLOSURE_CODES.map((c) => ({ value: c, label: CLOSURE_REASONS[c] }))}
        placeholder="Choisissez un motif…"
        error={fieldError('reason')}
      />
      <Field
        label="Date de clôture"
        type="date"
        value={closedOn}
        onChange={(e) => setClosedOn(e.target.value)}
        error={fieldError('closedOn')}
      />
      <NecessaryText label="Précision" value={note} onChange={setNote} error={fieldError('note')} rows={2} />
    </Modal>
  );
}
