import { useState } from 'react';
import { Link } from 'react-router';
import { ActionView, api, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { useList } from '../../components/useList';
import { ReassignDialog } from './ReassignDialog';
import { ACTION_AGREEMENTS, ACTION_OUTCOMES, ACTION_STAGES, formatDay, optionsOf } from '../../labels';
import { systemClock, today } from '../../../../electron/shared/dates';
import type { ActionAgreement, ActionOutcome } from '../../../../electron/shared/meeting-vocabulary';

const SECTIONS: { title: string; stages: ActionView['stage'][] }[] = [
  { title: 'En retard', stages: ['overdue'] },
  { title: 'Échéance proche (14 jours)', stages: ['due_soon'] },
  { title: 'En cours ou en attente de l’accord de la personne', stages: ['started', 'awaiting_agreement', 'refused'] },
  { title: 'Bilan fait', stages: ['done', 'not_possible', 'not_done'] },
];

type Dialog = { kind: 'return' | 'review' | 'reassign'; action: ActionView } | null;

/** The follow-up of every action decided in session, by structure or by situation. */
export function ActionsBoard({ session }: { session: SessionInfo }) {
  const [filters, setFilters] = useState({ structureId: '', situationId: '' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const structures = useList(() => api.partners.structureChoices({}), []);
  const everything = useList(() => api.actions.board({}), [notice]);
  const query = {
    ...(filters.structureId ? { structureId: Number(filters.structureId) } : {}),
    ...(filters.situationId ? { situationId: Number(filters.situationId) } : {}),
  };
  const { items, error } = useList(() => api.actions.board(query), [query, notice]);
  const keeper = can(session, 'actions.review');
  const situations = [...new Map((everything.items ?? []).map((a) => [a.situationId, a.code])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  return (
    <section>
      <h1>Suivi des actions</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      <div className="filters" role="search" aria-label="Filtrer les actions">
        <SelectField
          label="Structure responsable"
          value={filters.structureId}
          onChange={(structureId) => setFilters({ ...filters, structureId })}
          options={[{ value: '', label: 'Toutes' }, ...(structures.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
        />
        <SelectField
          label="Situation"
          value={filters.situationId}
          onChange={(situationId) => setFilters({ ...filters, situationId })}
          options={[{ value: '', label: 'Toutes' }, ...situations.map(([id, code]) => ({ value: String(id), label: code }))]}
        />
      </div>
      {items && items.length === 0 && <p className="empty">Aucune action pour ces critères.</p>}
      {items &&
        SECTIONS.map((section) => {
          const rows = items.filter((a) => section.stages.includes(a.stage));
          if (rows.length === 0) return null;
          return (
            <section key={section.title} aria-label={section.title}>
              <h2>
                {section.title} ({rows.length})
              </h2>
              <table className="data">
                <caption className="visually-hidden">{section.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Situation</th>
                    <th scope="col">Action</th>
                    <th scope="col">Responsable</th>
                    <th scope="col">Échéance</th>
                    <th scope="col">État</th>
                    {keeper && <th scope="col">Suivi</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/situations/${a.situationId}`}>{a.code}</Link>
                        <div className="muted">séance du {formatDay(a.meetingDay)}</div>
                      </td>
                      <td>{a.what}</td>
                      <td>
                        {a.owner.name}
                        {a.owner.kind === 'member' && <div className="muted">{a.owner.structureName}</div>}
                        {a.reassigned && (
                          <div className="muted">
                            réattribuée le {formatDay(a.reassigned.on)} : {a.reassigned.reason}
                          </div>
                        )}
                      </td>
                      <td>{formatDay(a.dueOn)}</td>
                      <td>
                        {ACTION_STAGES[a.stage]}
                        <div className="muted">
                          {a.agreement
                            ? `${ACTION_AGREEMENTS[a.agreement]} (restitution du ${formatDay(a.returnedOn!)})`
                            : 'Proposition non restituée'}
                        </div>
                      </td>
                      {keeper && (
                        <td className="row-actions">
                          {(!a.agreement || a.agreement === 'discuss') && (
                            <button type="button" className="secondary" onClick={() => setDialog({ kind: 'return', action: a })}>
                              Restitution<span className="visually-hidden"> à la personne — {a.code}</span>
                            </button>
                          )}
                          <button type="button" className="secondary" onClick={() => setDialog({ kind: 'review', action: a })}>
                            Bilan<span className="visually-hidden"> — {a.what}</span>
                          </button>
                          {a.outcome === null && (
                            <button type="button" className="secondary" onClick={() => setDialog({ kind: 'reassign', action: a })}>
                              Réattribuer<span className="visually-hidden"> — {a.what}</span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      {dialog?.kind === 'return' && (
        <ReturnDialog
          action={dialog.action}
          siblings={(everything.items ?? []).filter((a) => a.itemId === dialog.action.itemId)}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'review' && <ReviewDialog action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'reassign' && <ReassignDialog action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />}
    </section>
  );
}

type DialogProps = { action: ActionView; onDone: (message: string) => void; onCancel: () => void };

/**
 * G10: the proposals returned to the person, who answers each one — accepted, refused, or to be
 * discussed again. Accepting some and refusing others is their right; only accepted ones start.
 */
function ReturnDialog({ action, siblings, onDone, onCancel }: DialogProps & { siblings: ActionView[] }) {
  const [returnedOn, setReturnedOn] = useState(today(systemClock));
  const [answers, setAnswers] = useState<Record<number, string>>(() =>
    Object.fromEntries(siblings.map((a) => [a.id, a.agreement === 'discuss' ? '' : (a.agreement ?? '')])),
  );
  const { busy, error, setError, submit, fieldError } = useApiForm();
  const missing = siblings.filter((a) => !answers[a.id]);
  return (
    <Modal
      title={`Restitution des propositions — ${action.code}`}
      submitLabel="Enregistrer"
      busy={busy}
      onSubmit={() => {
        if (missing.length > 0) {
          setError({ code: 'RETURN_INCOMPLETE', message: 'Indiquez la réponse de la personne à chacune des propositions de ce point.' });
          return;
        }
        void submit(
          () =>
            api.actions.returnToPerson({
              itemId: action.itemId,
              returnedOn,
              actions: siblings.map((a) => ({ actionId: a.id, agreement: answers[a.id] as ActionAgreement })),
            }),
          (next) => {
            const accepted = next.filter((a) => a.agreement === 'agreed').length;
            onDone(
              `Réponse de la personne enregistrée : ${accepted} proposition${accepted > 1 ? 's' : ''} acceptée${accepted > 1 ? 's' : ''} sur ${next.length}.`,
            );
          },
        );
      }}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <p>
        Les propositions de la Commission ont été présentées à la personne. Elle peut en accepter certaines et en refuser d’autres : seules
        celles qu’elle accepte commencent.
      </p>
      <Field
        label="Date de la restitution"
        type="date"
        value={returnedOn}
        onChange={(e) => setReturnedOn(e.target.value)}
        error={fieldError('returnedOn')}
        data-autofocus
      />
      {siblings.map((a) => (
        <SelectField
          key={a.id}
          label={`« ${a.personWording || a.what} »`}
          value={answers[a.id] ?? ''}
          onChange={(value) => setAnswers({ ...answers, [a.id]: value })}
          placeholder="Réponse de la personne…"
          options={optionsOf(ACTION_AGREEMENTS)}
        />
      ))}
    </Modal>
  );
}

function ReviewDialog({ action, onDone, onCancel }: DialogProps) {
  const [form, setForm] = useState({ outcome: action.outcome ?? '', reviewedOn: today(systemClock), note: action.reviewNote ?? '' });
  const started = action.agreement === 'agreed';
  const { busy, error, submit, fieldError } = useApiForm();
  return (
    <Modal
      title={`Bilan de l’action — ${action.code}`}
      submitLabel="Enregistrer le bilan"
      busy={busy}
      onSubmit={() =>
        void submit(
          () =>
            api.actions.review({
              actionId: action.id,
              outcome: form.outcome as ActionOutcome,
              reviewedOn: form.reviewedOn,
              note: form.note,
            }),
          () => onDone('Bilan de l’action enregistré.'),
        )
      }
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <p>
        « {action.what} » — {action.owner.name}
      </p>
      {!started && (
        <Alert kind="info">
          {action.agreement === 'refused'
            ? 'La personne a refusé cette proposition : l’action n’a pas pu être engagée. Seul le bilan « impossible » peut être enregistré.'
            : action.agreement === 'discuss'
              ? 'La personne souhaite rediscuter de cette proposition : l’action ne peut pas commencer avant son accord. Seul le bilan « impossible » peut être enregistré pour l’instant.'
              : 'Les propositions n’ont pas encore été restituées à la personne (bouton « Restitution ») : l’action n’a pas pu commencer. Seul le bilan « impossible » peut être enregistré pour l’instant.'}
        </Alert>
      )}
      <SelectField
        label="Bilan"
        value={form.outcome}
        onChange={(outcome) => setForm({ ...form, outcome })}
        placeholder="Choisir"
        // G10: done or not done only once the person agreed; « not possible » is always open.
        options={optionsOf(ACTION_OUTCOMES).filter((o) => started || o.value === 'not_possible')}
        error={fieldError('outcome')}
      />
      <Field
        label="Date du bilan"
        type="date"
        value={form.reviewedOn}
        onChange={(e) => setForm({ ...form, reviewedOn: e.target.value })}
        error={fieldError('reviewedOn')}
      />
      <NecessaryText
        label="Commentaire (facultatif)"
        value={form.note}
        onChange={(note) => setForm({ ...form, note })}
        error={fieldError('note')}
        rows={2}
      />
    </Modal>
  );
}
