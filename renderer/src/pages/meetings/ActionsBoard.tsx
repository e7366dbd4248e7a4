import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ActionView, api, BoardPage, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { useList, useLoaded } from '../../components/useList';
import { usePagedList } from '../../components/Pager';
import { ReassignDialog } from './ReassignDialog';
import { ACTION_AGREEMENTS, ACTION_OUTCOMES, ACTION_STAGES, formatDay, optionsOf } from '../../labels';
import { systemClock, today } from '../../../../electron/shared/dates';
import {
  BOARD_SECTION_CODES,
  BOARD_SECTIONS,
  type ActionAgreement,
  type ActionOutcome,
  type BoardSection,
} from '../../../../electron/shared/meeting-vocabulary';

type Dialog = { kind: 'return' | 'review' | 'reassign'; action: ActionView } | null;

/** The follow-up of every action decided in session: one section at a time, a page at a time. */
export function ActionsBoard({ session }: { session: SessionInfo }) {
  const [filters, setFilters] = useState({ structureId: '', code: '' });
  const [chosen, setChosen] = useState<BoardSection | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const structures = useList(() => api.partners.structureChoices({}), []);
  const [counts, setCounts] = useState<BoardPage['counts'] | null>(null);
  // Until the keeper picks a section, the board opens on the first one holding actions.
  const section = chosen ?? (counts ? (BOARD_SECTION_CODES.find((c) => counts[c] > 0) ?? 'overdue') : 'overdue');
  const query = {
    section,
    ...(filters.structureId ? { structureId: Number(filters.structureId) } : {}),
    ...(filters.code.trim() ? { code: filters.code.trim() } : {}),
  };
  const { items, page, error, reload, pager } = usePagedList(
    (paging) => api.actions.page({ ...query, ...paging }),
    query,
    'Pages des actions',
  );
  useEffect(() => {
    if (page) setCounts(page.counts);
  }, [page]);
  const keeper = can(session, 'actions.review');
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    void reload();
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
        <Field
          label="Situation (code)"
          type="search"
          value={filters.code}
          onChange={(e) => setFilters({ ...filters, code: e.target.value })}
          placeholder="S-2026-"
        />
      </div>
      <div className="section-picker" role="group" aria-label="Sections du suivi">
        {BOARD_SECTION_CODES.map((code) => (
          <button key={code} type="button" className="secondary" aria-pressed={code === section} onClick={() => setChosen(code)}>
            {BOARD_SECTIONS[code]} ({counts ? counts[code].toLocaleString('fr-FR') : '…'})
          </button>
        ))}
      </div>
      {items && items.length === 0 && <p className="empty">Aucune action pour ces critères.</p>}
      {items && items.length > 0 && (
        <section aria-label={BOARD_SECTIONS[section]}>
          <h2>
            {BOARD_SECTIONS[section]} ({page?.total ?? items.length})
          </h2>
          <table className="data">
            <caption className="visually-hidden">{BOARD_SECTIONS[section]}</caption>
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
              {items.map((a) => (
                <ActionRow key={a.id} action={a} keeper={keeper} onDialog={setDialog} />
              ))}
            </tbody>
          </table>
          {pager}
        </section>
      )}
      {dialog?.kind === 'return' && <ReturnDialogLoader action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'review' && <ReviewDialog action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'reassign' && <ReassignDialog action={dialog.action} onDone={done} onCancel={() => setDialog(null)} />}
    </section>
  );
}

function ActionRow({ action: a, keeper, onDialog }: { action: ActionView; keeper: boolean; onDialog: (d: Dialog) => void }) {
  return (
    <tr>
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
          {a.agreement ? `${ACTION_AGREEMENTS[a.agreement]} (restitution du ${formatDay(a.returnedOn!)})` : 'Proposition non restituée'}
        </div>
      </td>
      {keeper && (
        <td className="row-actions">
          {(!a.agreement || a.agreement === 'discuss') && (
            <button type="button" className="secondary" onClick={() => onDialog({ kind: 'return', action: a })}>
              Restitution<span className="visually-hidden"> à la personne — {a.code}</span>
            </button>
          )}
          <button type="button" className="secondary" onClick={() => onDialog({ kind: 'review', action: a })}>
            Bilan<span className="visually-hidden"> — {a.what}</span>
          </button>
          {a.outcome === null && (
            <button type="button" className="secondary" onClick={() => onDialog({ kind: 'reassign', action: a })}>
              Réattribuer<span className="visually-hidden"> — {a.what}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** The restitution covers every proposal of the item: they are read with the dialog, not with the board. */
function ReturnDialogLoader(props: DialogProps) {
  const { value: actions, error } = useLoaded(() => api.actions.board({ situationId: props.action.situationId }), props.action.id);
  if (error) return <Alert>{error}</Alert>;
  if (!actions) return null;
  return <ReturnDialog {...props} siblings={actions.filter((a) => a.itemId === props.action.itemId)} />;
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
