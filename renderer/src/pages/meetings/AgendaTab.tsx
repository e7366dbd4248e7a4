import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { AgendaItemView, api, ApiError, MeetingDetail } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { useList } from '../../components/useList';
import { ITEM_STATUSES, SITUATION_STATES } from '../../labels';
import { MemberPicker } from '../../components/MemberPicker';
import { MemberChecklist } from './MemberChecklist';

interface Props {
  meeting: MeetingDetail;
  canKeep: boolean;
  onChanged: (message: string) => void;
}

function GateStatus({ item }: { item: AgendaItemView }) {
  if (item.status === 'dropped') return null;
  if (item.gateReasons.length === 0) return <span className="badge ok">Conditions remplies</span>;
  return (
    <ul className="checklist" aria-label={`Conditions non remplies pour ${item.code}`}>
      {item.gateReasons.map((r) => (
        <li key={`${r.gate}:${r.code}`}>{r.message}</li>
      ))}
    </ul>
  );
}

/** The agenda: only situations that pass the gates for the meeting's day go on it. */
export function AgendaTab({ meeting, canKeep, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AgendaItemView | null>(null);
  const [removing, setRemoving] = useState<AgendaItemView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const active = meeting.items.filter((i) => i.status !== 'dropped');
  const dropped = meeting.items.filter((i) => i.status === 'dropped');
  const move = async (item: AgendaItemView, direction: 'up' | 'down') => {
    const result = await api.meetings.moveItem({ itemId: item.id, direction });
    if (result.ok) onChanged(`Point ${item.code} déplacé.`);
    else setError(result.error);
  };
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      {error && <ErrorAlert error={error} />}
      {canKeep && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Inscrire une situation
          </button>
        </div>
      )}
      {(adding || editing) && (
        <ItemForm
          key={editing?.id ?? 'new'}
          meeting={meeting}
          item={editing}
          onDone={(code) => {
            setAdding(false);
            setEditing(null);
            onChanged(editing ? `Point ${code} modifié.` : `Situation ${code} inscrite à l’ordre du jour.`);
          }}
          onCancel={() => {
            setAdding(false);
            setEditing(null);
          }}
        />
      )}
      {active.length === 0 ? (
        <p className="empty">Aucune situation à l’ordre du jour.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Points de l’ordre du jour</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Situation</th>
              <th scope="col">Structure qui saisit</th>
              <th scope="col">Question posée</th>
              <th scope="col">Présentée par</th>
              <th scope="col">Conditions préalables</th>
              <th scope="col">État</th>
              {canKeep && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {active.map((item, index) => (
              <tr key={item.id}>
                <td>{item.position}</td>
                <td>
                  <Link to={`/situations/${item.situationId}`}>{item.code}</Link>
                </td>
                <td>{item.structureName}</td>
                <td>{item.neutralQuestion}</td>
                <td>
                  {item.presenter?.displayName ?? '—'}
                  {item.invitees.length > 0 && <div className="muted">Invités : {item.invitees.map((i) => i.displayName).join(', ')}</div>}
                </td>
                <td>
                  <GateStatus item={item} />
                </td>
                <td>{ITEM_STATUSES[item.status]}</td>
                {canKeep && (
                  <td className="row-actions">
                    <button type="button" className="secondary" disabled={index === 0} onClick={() => void move(item, 'up')}>
                      Monter<span className="visually-hidden"> {item.code}</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={index === active.length - 1}
                      onClick={() => void move(item, 'down')}
                    >
                      Descendre<span className="visually-hidden"> {item.code}</span>
                    </button>
                    {item.status === 'planned' && (
                      <button type="button" className="secondary" onClick={() => setEditing(item)}>
                        Modifier<span className="visually-hidden"> {item.code}</span>
                      </button>
                    )}
                    {item.status === 'planned' && (
                      <button type="button" className="danger" onClick={() => setRemoving(item)}>
                        Retirer<span className="visually-hidden"> {item.code}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dropped.length > 0 && (
        <section aria-labelledby="dropped-title">
          <h3 id="dropped-title">Retirées de l’ordre du jour par les conditions préalables</h3>
          <ul>
            {dropped.map((item) => (
              <li key={item.id}>
                <strong>{item.code}</strong> ({item.structureName}) :
                <ul className="checklist">
                  {item.droppedReasons.map((r) => (
                    <li key={`${r.gate}:${r.code}`}>{r.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {removing && (
        <RemoveDialog
          item={removing}
          onDone={() => {
            setRemoving(null);
            onChanged(`Situation ${removing.code} retirée de l’ordre du jour.`);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

function RemoveDialog({ item, onDone, onCancel }: { item: AgendaItemView; onDone: () => void; onCancel: () => void }) {
  const { busy, error, submit } = useApiForm();
  return (
    <Modal
      title={`Retirer ${item.code} de l’ordre du jour`}
      submitLabel="Retirer"
      danger
      busy={busy}
      onSubmit={() => void submit(() => api.meetings.removeItem({ itemId: item.id }), onDone)}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} />}
      <p>
        La situation revient à son état précédent et pourra être inscrite à une autre séance. Les convocations déjà imprimées la mentionnent
        encore.
      </p>
    </Modal>
  );
}

/** Puts a situation on the agenda, or changes a planned item's presenter, question and invitees. */
function ItemForm({
  meeting,
  item,
  onDone,
  onCancel,
}: {
  meeting: MeetingDetail;
  item: AgendaItemView | null;
  onDone: (code: string) => void;
  onCancel: () => void;
}) {
  const candidates = useList(() => api.meetings.candidates({ meetingId: meeting.id }), [meeting.id]);
  // The invitees already recorded, named (the directory is searched, never loaded whole).
  const recorded = useList(
    () =>
      item && item.invitees.length > 0
        ? api.partners.memberChoices({ ids: item.invitees.map((i) => i.id) })
        : Promise.resolve({ ok: true as const, value: [] }),
    [item?.id],
  );
  const [form, setForm] = useState({
    situationId: item ? String(item.situationId) : '',
    presenter: item?.presenter ? String(item.presenter.id) : '',
    question: item?.neutralQuestion ?? '',
    invitees: item?.invitees.map((i) => i.id) ?? [],
  });
  const { busy, error, submit, fieldError } = useApiForm();
  const choose = (situationId: string) => {
    const candidate = candidates.items?.find((c) => String(c.id) === situationId);
    const previous = candidates.items?.find((c) => String(c.id) === form.situationId);
    // The neutral question starts from the referral's question, unless the user already wrote their own.
    const question = form.question === '' || form.question === previous?.question ? (candidate?.question ?? '') : form.question;
    setForm({ ...form, situationId, question, presenter: candidate ? String(candidate.referringMemberId) : form.presenter });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      presenterMemberId: form.presenter ? Number(form.presenter) : null,
      neutralQuestion: form.question,
      inviteeIds: form.invitees,
    };
    if (item) {
      void submit(
        () => api.meetings.updateItem({ itemId: item.id, ...fields }),
        () => onDone(item.code),
      );
      return;
    }
    const code = candidates.items?.find((c) => String(c.id) === form.situationId)?.code ?? '';
    void submit(
      () =>
        api.meetings.addItem({
          meetingId: meeting.id,
          situationId: Number(form.situationId) || 0,
          ...fields,
        }),
      () => onDone(code),
    );
  };
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="item-form-title">
      <h3 id="item-form-title">{item ? `Modifier le point ${item.code}` : 'Inscrire une situation'}</h3>
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      {!item && candidates.items && candidates.items.length === 0 && (
        <Alert kind="info">Aucune situation recevable ou en suivi à inscrire.</Alert>
      )}
      {!item && (
        <SelectField
          label="Situation"
          value={form.situationId}
          onChange={choose}
          placeholder="Choisir une situation"
          options={(candidates.items ?? []).map((c) => ({
            value: String(c.id),
            label: `${c.code} — ${c.structureName} (${SITUATION_STATES[c.state]})`,
          }))}
          error={fieldError('situationId')}
        />
      )}
      <MemberPicker
        label="Présentée par"
        hint="Laissez vide si c’est à préciser."
        value={form.presenter}
        onChange={(presenter) => setForm({ ...form, presenter })}
        optional
      />
      <NecessaryText
        label="Question posée à la Commission (formulation neutre, sans nom)"
        value={form.question}
        onChange={(question) => setForm({ ...form, question })}
        error={fieldError('neutralQuestion')}
        rows={2}
        required
      />
      {recorded.items && (
        <MemberChecklist
          legend="Membres invités pour ce point seulement"
          proposed={recorded.items}
          chosen={form.invitees}
          onChange={(invitees) => setForm({ ...form, invitees })}
          idPrefix="invitee"
          emptyText="Aucun membre invité pour ce point."
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {item ? 'Enregistrer' : 'Inscrire'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
