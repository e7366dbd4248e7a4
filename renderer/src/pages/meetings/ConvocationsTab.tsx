import { useState } from 'react';
import { api, ApiError, ConvocationDrafts, DocumentFile, MeetingDetail } from '../../api';
import type { Result } from '../../../../electron/ipc/contract';
import { Alert, ErrorAlert } from '../../components/Alert';
import { useApiForm } from '../../components/useApiForm';
import { useList, useLoaded } from '../../components/useList';
import { saveDocument } from '../../documents';
import { MemberChecklist } from './MemberChecklist';

interface Props {
  meeting: MeetingDetail;
  canKeep: boolean;
  onChanged: (message: string) => void;
}

/**
 * Convocations (G3: only members who signed the charter in force; each says only what its member
 * may know) and the meeting's documents. When the agenda changed after convocations were printed,
 * the members whose convocation is out of date are named, and just theirs are reprinted.
 */
export function ConvocationsTab({ meeting, canKeep, onChanged }: Props) {
  const convened = meeting.attendance.filter((a) => a.convenedAt !== null);
  const convenedIds = convened.map((a) => a.memberId);
  // Proposed and checked by default: the permanent members who may be convened (G3) and are not yet.
  const proposed = useList(
    () => api.partners.memberChoices({ membership: 'permanent', charter: 'signed', excludeIds: convenedIds, limit: 200 }),
    convenedIds,
  );
  // Whether anyone is left to convene, and whether any of them may be (one row each is enough).
  const remaining = useLoaded(async (): Promise<Result<{ anyone: boolean; signed: boolean }>> => {
    const [anyone, signed] = await Promise.all([
      api.partners.memberChoices({ excludeIds: convenedIds, limit: 1 }),
      api.partners.memberChoices({ charter: 'signed', excludeIds: convenedIds, limit: 1 }),
    ]);
    if (!anyone.ok) return anyone;
    if (!signed.ok) return signed;
    return { ok: true, value: { anyone: anyone.value.length > 0, signed: signed.value.length > 0 } };
  }, convenedIds);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [docError, setDocError] = useState<ApiError | null>(null);
  const { busy, error, submit } = useApiForm();
  const [printed, setPrinted] = useState(0);
  const status = useLoaded(() => api.meetings.convocationStatus({ meetingId: meeting.id }), [meeting, printed]);
  const statusOf = new Map((status.value ?? []).map((s) => [s.memberId, s]));
  const stale = (status.value ?? []).filter((s) => s.stale);
  const selection = chosen ?? (proposed.items ?? []).map((m) => m.id);
  const print = async (call: () => Promise<Result<DocumentFile>>) => {
    setDocError(null);
    const result = await call();
    if (result.ok) saveDocument(result.value);
    else setDocError(result.error);
    setPrinted((n) => n + 1);
  };
  const [mailed, setMailed] = useState<ConvocationDrafts | null>(null);
  const [mailing, setMailing] = useState(false);
  const mail = async () => {
    setDocError(null);
    setMailed(null);
    setMailing(true);
    const result = await api.meetings.mailConvocations({ meetingId: meeting.id });
    setMailing(false);
    if (result.ok) setMailed(result.value);
    else setDocError(result.error);
    setPrinted((n) => n + 1);
  };
  const r = meeting.readiness;
  return (
    <section aria-labelledby="convocations-title">
      <h2 id="convocations-title">Convocations et documents</h2>
      <ul className="checklist" aria-label="Préparation de la séance">
        <li>
          {r.items} point{r.items > 1 ? 's' : ''} à l’ordre du jour
          {r.blockedItems > 0 && ` dont ${r.blockedItems} ne rempli${r.blockedItems > 1 ? 'ssent' : 't'} plus les conditions préalables`}
        </li>
        <li>
          {r.convened
            ? `${r.convenedCount} membre${r.convenedCount > 1 ? 's' : ''} convoqué${r.convenedCount > 1 ? 's' : ''}`
            : 'Convocations non envoyées'}
        </li>
        {r.unsignedAttendees.length > 0 && (
          <li>Charte en vigueur non signée : {r.unsignedAttendees.map((u) => u.displayName).join(', ')}</li>
        )}
      </ul>
      {docError && <ErrorAlert error={docError} />}
      {mailed && <MailedNotice drafts={mailed} />}
      {stale.length > 0 && (
        <div className="alert alert-info" role="status">
          <p>
            <strong>
              L’ordre du jour a changé depuis l’impression de {stale.length} convocation{stale.length > 1 ? 's' : ''}
            </strong>{' '}
            : {stale.map((s) => `${s.displayName} (${s.structureName})`).join(', ')}. Ces convocations ne sont plus à jour.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => void print(() => api.meetings.convocations({ meetingId: meeting.id, onlyStale: true }))}
          >
            {stale.length > 1 ? `Réimprimer ces ${stale.length} convocations` : 'Réimprimer cette convocation'}
          </button>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={convened.length === 0}
          onClick={() => void print(() => api.meetings.convocations({ meetingId: meeting.id }))}
        >
          Toutes les convocations (un fichier à imprimer)
        </button>
        {canKeep && (
          <button type="button" className="secondary" disabled={convened.length === 0 || mailing} onClick={() => void mail()}>
            {mailing ? 'Préparation des courriels…' : 'Préparer les courriels (un brouillon par membre)'}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void print(() => api.meetings.agenda({ meetingId: meeting.id }))}>
          Ordre du jour (PDF)
        </button>
        <button type="button" className="secondary" onClick={() => void print(() => api.meetings.signInSheet({ meetingId: meeting.id }))}>
          Feuille d’émargement (PDF)
        </button>
        <button type="button" className="secondary" onClick={() => void print(() => api.meetings.calendar({ meetingId: meeting.id }))}>
          Fichier calendrier (.ics pour Outlook)
        </button>
      </div>
      <p className="hint">Les documents désignent les situations par leur code, jamais par le nom de la personne.</p>
      <h3>Membres convoqués</h3>
      {convened.length === 0 ? (
        <p className="empty">Personne n’est encore convoqué.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Membres convoqués</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Structure</th>
              <th scope="col">Convoqué pour</th>
              <th scope="col">Convocation</th>
            </tr>
          </thead>
          <tbody>
            {convened.map((a) => (
              <tr key={a.memberId}>
                <td>
                  {a.displayName}
                  {statusOf.get(a.memberId)?.stale && <div className="muted">convocation à réimprimer</div>}
                </td>
                <td>{a.structureName}</td>
                <td>{statusOf.get(a.memberId)?.presence ?? (a.scope === 'meeting' ? 'toute la séance' : 'son point seulement')}</td>
                <td>
                  {a.charterReasons.length > 0 ? (
                    <span className="muted">{a.charterReasons[0]!.message}</span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void print(() => api.meetings.convocation({ meetingId: meeting.id, memberId: a.memberId }))}
                    >
                      PDF<span className="visually-hidden"> — convocation de {a.displayName}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canKeep && proposed.items && remaining.value && (
        <form
          className="card panel"
          aria-labelledby="convene-title"
          onSubmit={(event) => {
            event.preventDefault();
            void submit(
              () => api.meetings.convene({ meetingId: meeting.id, memberIds: selection }),
              (result) => {
                setChosen(null);
                onChanged(`${result.convened} membres convoqués.`);
              },
            );
          }}
        >
          <h3 id="convene-title">Convoquer</h3>
          {error && <ErrorAlert error={error} />}
          {!remaining.value.anyone ? (
            <Alert kind="info">Tous les membres actifs sont convoqués.</Alert>
          ) : (
            selection.length === 0 &&
            (remaining.value.signed ? (
              <Alert kind="info">Cochez les membres à convoquer, ou ajoutez-en depuis l’annuaire.</Alert>
            ) : (
              <Alert kind="info">
                Aucun des membres restants ne peut être convoqué : aucun n’a signé la charte en vigueur (Partenaires › Charte).
              </Alert>
            ))
          )}
          {remaining.value.anyone && (
            <MemberChecklist
              key={convenedIds.join(',')}
              legend="Membres à convoquer"
              proposed={proposed.items}
              chosen={selection}
              onChange={setChosen}
              idPrefix="convene"
              excludeIds={convenedIds}
              emptyText="Aucun membre permanent à convoquer : ajoutez les membres depuis l’annuaire."
            />
          )}
          <button type="submit" className="primary" disabled={busy || selection.length === 0}>
            Convoquer les membres cochés
          </button>
        </form>
      )}
    </section>
  );
}

/** Where the drafts are and who still needs a printed convocation. */
function MailedNotice({ drafts }: { drafts: ConvocationDrafts }) {
  return (
    <div className="alert alert-success" role="status">
      <p>
        <strong>
          {drafts.drafts} brouillon{drafts.drafts > 1 ? 's' : ''} de courriel écrit{drafts.drafts > 1 ? 's' : ''}
        </strong>{' '}
        dans <code>{drafts.folder}</code>. Ouvrez chacun dans votre messagerie : il s’ouvre prêt à envoyer, avec la convocation du membre et
        le fichier calendrier joints.
      </p>
      {drafts.withoutEmail.length > 0 && (
        <p>
          Sans adresse électronique dans l’annuaire : {drafts.withoutEmail.map((m) => m.displayName).join(', ')}. Imprimez{' '}
          {drafts.withoutEmail.length > 1 ? 'leur convocation' : 'sa convocation'} (bouton PDF ci-dessous).
        </p>
      )}
    </div>
  );
}
