import { FormEvent, useState } from 'react';
import { GUEST_CATEGORIES } from '../../../../electron/shared/clsm-vocabulary';
import { api, ClsmConvocationDrafts, ClsmMeetingDetail, DocumentFile, InvitationView, Result } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { useList, useLoaded } from '../../components/useList';
import { saveDocument } from '../../documents';
import { formatDay } from '../../labels';
import { Changed, inviteeKind } from './meeting';
import { GuestDialog } from './GuestDialog';

/** Who is invited, their convocations (printed or by e-mail), the calendar file and the sign-in sheet. */
export function InviteesTab({
  meeting,
  canEdit,
  canPrint,
  onChanged,
}: {
  meeting: ClsmMeetingDetail;
  canEdit: boolean;
  /** Convocations, the sign-in sheet and the drafts are the preparers' (coordination, secrétariat). */
  canPrint: boolean;
  onChanged: Changed;
}) {
  const [docError, setDocError] = useState<string | null>(null);
  const [mailed, setMailed] = useState<ClsmConvocationDrafts | null>(null);
  const [busy, setBusy] = useState(false);
  const cancelled = meeting.status === 'cancelled';
  /** Hands the document over; true when it was made (the convocation is then dated « remise »). */
  const download = async (call: Promise<Result<DocumentFile>>): Promise<boolean> => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    if (!result.ok) {
      setDocError(result.error.message);
      return false;
    }
    saveDocument(result.value);
    setDocError(null);
    return true;
  };
  const remove = async (i: InvitationView) => {
    if (!window.confirm(`Retirer l’invitation de ${i.name} ?`)) return;
    const result = await api.clsm.uninvite({ invitationId: i.id });
    if (result.ok) onChanged(result.value, `Invitation de ${i.name} retirée.`);
    else setDocError(result.error.message);
  };
  const mail = async () => {
    setBusy(true);
    const result = await api.clsm.mailConvocations({ meetingId: meeting.id });
    setBusy(false);
    if (result.ok) {
      setMailed(result.value);
      setDocError(null);
      const fresh = await api.clsm.meeting({ id: meeting.id });
      if (fresh.ok)
        onChanged(
          fresh.value,
          `${result.value.drafts} brouillon${result.value.drafts > 1 ? 's' : ''} de courriel préparé${result.value.drafts > 1 ? 's' : ''}.`,
        );
    } else setDocError(result.error.message);
  };
  const refresh = async (message: string) => {
    const fresh = await api.clsm.meeting({ id: meeting.id });
    if (fresh.ok) onChanged(fresh.value, message);
  };
  return (
    <>
      {docError && <Alert>{docError}</Alert>}
      {mailed && (
        <div className="alert alert-success" role="status">
          <p>
            Brouillons écrits dans <code>{mailed.folder}</code> : ouvrez-les dans votre messagerie pour les envoyer.
          </p>
          {mailed.withoutEmail.length > 0 && (
            <p>Sans adresse électronique, à imprimer : {mailed.withoutEmail.map((w) => w.name).join(', ')}.</p>
          )}
        </div>
      )}
      {meeting.invitations.length === 0 ? (
        <p className="empty">Personne n’est encore invité.</p>
      ) : (
        <table className="data">
          <caption>Invités ({meeting.invitations.length})</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Qualité</th>
              <th scope="col">Organisation</th>
              <th scope="col">Convocation</th>
              {!cancelled && canPrint && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {meeting.invitations.map((i) => (
              <tr key={i.id}>
                <td>
                  <strong>{i.name}</strong>
                  {i.role && <div className="muted">{i.role}</div>}
                </td>
                <td>{inviteeKind(i)}</td>
                <td>{i.organisation || '—'}</td>
                <td>{i.convenedOn ? `Remise le ${formatDay(i.convenedOn)}` : 'Pas encore remise'}</td>
                {!cancelled && canPrint && (
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() =>
                        void download(api.clsm.convocation({ invitationId: i.id })).then((made) =>
                          made ? refresh(`Convocation de ${i.name} imprimée.`) : undefined,
                        )
                      }
                      aria-label={`Convocation de ${i.name} (PDF)`}
                    >
                      Convocation
                    </button>
                    {canEdit && (
                      <button type="button" className="secondary" onClick={() => void remove(i)} aria-label={`Retirer ${i.name}`}>
                        Retirer
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!cancelled && canPrint && meeting.invitations.length > 0 && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void download(api.clsm.convocations({ meetingId: meeting.id })).then((made) =>
                made ? refresh('Convocations imprimées.') : undefined,
              )
            }
          >
            Toutes les convocations (PDF)
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void download(api.clsm.calendar({ meetingId: meeting.id }))}
          >
            Invitation d’agenda (.ics)
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void download(api.clsm.signInSheet({ meetingId: meeting.id }))}
          >
            Feuille d’émargement (PDF)
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void mail()}>
            Préparer les courriels
          </button>
        </div>
      )}
      {canEdit && !cancelled && <InviteForm meeting={meeting} onChanged={onChanged} />}
    </>
  );
}

/** Invite a structure as such, one of its members, or someone from outside the directory. */
function InviteForm({ meeting, onChanged }: { meeting: ClsmMeetingDetail; onChanged: Changed }) {
  const structures = useList(() => api.partners.structureChoices({}), []);
  const [structureId, setStructureId] = useState('');
  const [who, setWho] = useState('structure');
  const members = useLoaded(
    () =>
      structureId
        ? api.partners.pageMembers({ structureId: Number(structureId), limit: 200, offset: 0 })
        : Promise.resolve({ ok: true as const, value: { items: [], total: 0 } }),
    structureId,
  );
  const [search, setSearch] = useState('');
  const guests = useList(() => api.clsm.guests({ search }), search);
  const [creating, setCreating] = useState(false);
  const { busy, error, submit } = useApiForm();
  const invited = {
    structures: new Set(meeting.invitations.map((i) => i.structureId)),
    members: new Set(meeting.invitations.map((i) => i.memberId)),
    guests: new Set(meeting.invitations.map((i) => i.guestId)),
  };
  const invite = (payload: { structureIds?: number[]; memberIds?: number[]; guestIds?: number[] }, name: string) =>
    submit(
      () => api.clsm.invite({ meetingId: meeting.id, ...payload }),
      (fresh) => {
        setWho('structure');
        onChanged(fresh, `Invitation enregistrée : ${name}.`);
      },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const structure = structures.items?.find((s) => s.id === Number(structureId));
    if (!structure) return;
    if (who === 'structure') void invite({ structureIds: [structure.id] }, structure.name);
    else {
      const member = members.value?.items.find((m) => m.id === Number(who));
      if (member) void invite({ memberIds: [member.id] }, member.displayName);
    }
  };
  const available = (structures.items ?? []).filter((s) => s.active);
  const memberOptions = (members.value?.items ?? []).filter((m) => m.active && !invited.members.has(m.id));
  return (
    <section className="card panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Inviter</h2>
      {error && <ErrorAlert error={error} />}
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <SelectField
          label="Structure de l’annuaire"
          value={structureId}
          onChange={(value) => {
            setStructureId(value);
            setWho('structure');
          }}
          placeholder="Choisir une structure"
          options={available.map((s) => ({ value: String(s.id), label: s.name }))}
        />
        {structureId && (
          <SelectField
            label="Qui inviter"
            value={who}
            onChange={setWho}
            options={[
              ...(invited.structures.has(Number(structureId))
                ? []
                : [{ value: 'structure', label: 'La structure (elle désignera son représentant)' }]),
              ...memberOptions.map((m) => ({ value: String(m.id), label: `${m.displayName}${m.function ? `, ${m.function}` : ''}` })),
            ]}
          />
        )}
        <button
          type="submit"
          className="primary"
          disabled={busy || !structureId || (who === 'structure' && invited.structures.has(Number(structureId)))}
        >
          Inviter
        </button>
      </form>
      <h3>Personnes hors annuaire</h3>
      <p className="muted">Élus, associations, personnes concernées, citoyens : enregistrés une fois, invités ensuite à chaque réunion.</p>
      <Field label="Rechercher une personne" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      {guests.items && guests.items.length > 0 && (
        <ul className="choices">
          {guests.items.map((g) => (
            <li key={g.id}>
              {g.displayName}
              <span className="muted">
                {' '}
                — {GUEST_CATEGORIES[g.category]}
                {g.organisation && `, ${g.organisation}`}
              </span>{' '}
              {invited.guests.has(g.id) ? (
                <span className="badge neutral">Invitée</span>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void invite({ guestIds: [g.id] }, g.displayName)}
                >
                  Inviter {g.displayName}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {guests.items && guests.items.length === 0 && search && <p className="empty">Personne de ce nom : enregistrez-la.</p>}
      <button type="button" className="secondary" onClick={() => setCreating(true)}>
        Nouvelle personne hors annuaire…
      </button>
      {creating && (
        <GuestDialog
          onCancel={() => setCreating(false)}
          onSaved={(guest) => {
            setCreating(false);
            void invite({ guestIds: [guest.id] }, guest.displayName);
          }}
        />
      )}
    </section>
  );
}
