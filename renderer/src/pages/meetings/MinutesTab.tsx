import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, DocumentFile, ExtractDraft, MeetingDetail, MinutesStatus } from '../../api';
import type { Result } from '../../../../electron/ipc/contract';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ApprovalPanel } from './ApprovalPanel';
import { ExtractMailDialog } from './ExtractMailDialog';
import { AddendumForm, SignPanel } from './SignPanel';
import { LetterWordings } from './LetterWordings';
import { saveDocument } from '../../documents';
import { formatDateTime, formatDay } from '../../labels';
import { of } from '../../../../electron/shared/french';

interface Props {
  meeting: MeetingDetail;
  canKeep: boolean;
  onChanged: (message: string) => void;
}

/**
 * The compte rendu of a held meeting: read the draft, correct an item's wording, sign (PAdES) — then
 * the signed minutes and addenda, the extracts per recipient, the letters to the people and the
 * attestations. Once signed, nothing of the record changes: a correction is a signed addendum.
 */
export function MinutesTab({ meeting, canKeep, onChanged }: Props) {
  const [status, setStatus] = useState<MinutesStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyDoc, setBusyDoc] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await api.minutes.status({ meetingId: meeting.id });
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, [meeting.id]);
  useEffect(() => {
    void load();
  }, [load, meeting.state]);

  const download = async (key: string, call: () => Promise<Result<DocumentFile>>) => {
    setError(null);
    setBusyDoc(key);
    const result = await call();
    setBusyDoc(null);
    if (result.ok) saveDocument(result.value);
    else setError(result.error);
  };
  const [mailed, setMailed] = useState<{ memberId: number; draft: ExtractDraft } | null>(null);
  const mailExtract = async (memberId: number) => {
    setError(null);
    setBusyDoc(`mail-${memberId}`);
    const result = await api.minutes.mailExtract({ meetingId: meeting.id, memberId });
    setBusyDoc(null);
    if (result.ok) setMailed({ memberId, draft: result.value });
    else setError(result.error);
  };
  const docButton = (key: string, label: string, call: () => Promise<Result<DocumentFile>>, kind = 'secondary') => (
    <button type="button" className={kind} disabled={busyDoc !== null} aria-busy={busyDoc === key} onClick={() => void download(key, call)}>
      {busyDoc === key ? 'Préparation…' : label}
    </button>
  );

  if (meeting.state === 'planned' || meeting.state === 'convened') {
    return <p className="empty">Le compte rendu s’établit une fois la séance close.</p>;
  }
  if (!status) return error ? <ErrorAlert error={error} /> : <p aria-busy="true">Chargement…</p>;
  const destroyed = status.destroyedOn !== null;
  // Destroyed minutes (G9) show only what was signed and its digest: nothing is drawn from them.
  const signed = status.state === 'minutes_signed' && !destroyed;
  const examined = meeting.items.filter((i) => i.status === 'deliberated');
  const participants = status.recipients.filter((r) => r.participated);
  const examinedCount = meeting.items.filter((i) => i.status === 'deliberated' || i.status === 'postponed').length;
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">Compte rendu</h2>
      {error && <ErrorAlert error={error} />}
      {destroyed && (
        <>
          <Alert kind="info">
            Compte rendu détruit le {formatDay(status.destroyedOn!)} au terme de sa durée de conservation. Son empreinte reste dans le
            journal d’audit.
          </Alert>
          <ul className="plain">
            {status.documents.map((d) => (
              <li key={d.id}>
                {d.kind === 'minutes' ? 'Compte rendu' : `Additif n° ${d.sequence}`} signé le {formatDateTime(d.signedAt)} — empreinte
                SHA-256 <code>{d.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {!signed && !destroyed && (
        <>
          <p>
            Relisez le projet. Pour corriger la rédaction d’un point (synthèse, propositions, actions), ouvrez-le : il reste modifiable
            jusqu’à la signature.
          </p>
          <ul>
            {meeting.items
              .filter((i) => i.status === 'deliberated' || i.status === 'postponed')
              .map((i) => (
                <li key={i.id}>
                  <Link to={`/commissions/${meeting.id}/seance/${i.id}`}>
                    Point {i.position} — {i.code}
                  </Link>
                </li>
              ))}
          </ul>
          <div className="actions">
            {docButton('draft', 'Aperçu du projet (PDF)', () => api.meetings.minutesDraft({ meetingId: meeting.id }))}
          </div>
          <ApprovalPanel
            status={status}
            canKeep={canKeep}
            onChanged={(next, message) => {
              setStatus(next);
              onChanged(message);
            }}
          />
          {canKeep && (
            <SignPanel
              status={status}
              meeting={meeting}
              onSigned={(next) => {
                setStatus(next);
                onChanged('Compte rendu signé : il ne peut plus être modifié.');
              }}
            />
          )}
        </>
      )}
      {signed && (
        <>
          <h3>Documents signés</h3>
          <ul className="plain">
            {status.documents.map((d) => (
              <li key={d.id} className="card panel">
                <strong>{d.kind === 'minutes' ? 'Compte rendu signé' : `Additif n° ${d.sequence}`}</strong> — signé le{' '}
                {formatDateTime(d.signedAt)} par{' '}
                {d.signers
                  .filter((s) => s.commonName)
                  .map((s) => s.commonName)
                  .join(' et ')}
                {d.body && <p className="muted">{d.body}</p>}
                <div className="actions">
                  {docButton(`doc-${d.id}`, 'Télécharger le PDF signé', () => api.minutes.document({ documentId: d.id }))}
                </div>
              </li>
            ))}
          </ul>
          {canKeep && (
            <AddendumForm
              status={status}
              meeting={meeting}
              onSigned={(next) => {
                setStatus(next);
                onChanged('Additif signé.');
              }}
            />
          )}
        </>
      )}
      {canKeep && !destroyed && (
        <>
          <h3>Destinataires</h3>
          {!signed && <p className="muted">Les extraits se préparent une fois le compte rendu signé.</p>}
          <table className="data">
            <caption className="visually-hidden">Extraits et attestations par destinataire</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Structure</th>
                <th scope="col">Points de son extrait</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {status.recipients.map((r) => (
                <tr key={r.memberId}>
                  <td>{r.displayName}</td>
                  <td>{r.structureName}</td>
                  <td>
                    {r.refusedReasons.length > 0 ? (
                      <span className="muted">Aucun extrait : {r.refusedReasons.map((reason) => reason.message).join(' ')}</span>
                    ) : (
                      extractSummary(r.extract, examinedCount)
                    )}
                  </td>
                  <td>
                    <div className="actions">
                      {signed &&
                        r.refusedReasons.length === 0 &&
                        docButton(`extract-${r.memberId}`, `Extrait pour ${r.displayName}`, () =>
                          api.minutes.extract({ meetingId: meeting.id, memberId: r.memberId }),
                        )}
                      {signed && r.refusedReasons.length === 0 && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={busyDoc !== null}
                          aria-busy={busyDoc === `mail-${r.memberId}`}
                          onClick={() => void mailExtract(r.memberId)}
                        >
                          {busyDoc === `mail-${r.memberId}` ? 'Préparation…' : 'Courriel chiffré'}
                          <span className="visually-hidden"> à {r.displayName}</span>
                        </button>
                      )}
                      {r.participated &&
                        docButton(`attestation-${r.memberId}`, `Attestation ${of(r.displayName)}`, () =>
                          api.minutes.attestation({ meetingId: meeting.id, memberId: r.memberId }),
                        )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {mailed && (
            <ExtractMailDialog
              meetingId={meeting.id}
              memberId={mailed.memberId}
              draft={mailed.draft}
              onClose={() => setMailed(null)}
              onDone={(message) => {
                setMailed(null);
                onChanged(message);
              }}
            />
          )}
          {participants.length > 0 && (
            <div className="actions">
              {docButton('attestations', 'Toutes les attestations de participation (un fichier)', () =>
                api.minutes.attestations({ meetingId: meeting.id }),
              )}
            </div>
          )}
          {signed && examined.length > 0 && (
            <>
              <h3>Courriers aux personnes</h3>
              <p className="muted">
                Le courrier reprend les propositions en français simple, rappelle à la personne qu’elle est libre de les accepter ou de les
                refuser et de retirer son consentement. Il porte son nom : remettez-le-lui, ne le diffusez pas.
              </p>
              {examined.map((i) => (
                <details key={i.id} className="card panel">
                  <summary>Courrier pour {i.code}</summary>
                  <LetterWordings itemId={i.id} situationId={i.situationId} canKeep={canKeep} />
                  <div className="actions">
                    {docButton(`letter-${i.id}`, `Imprimer le courrier pour ${i.code}`, () => api.minutes.letter({ itemId: i.id }))}
                  </div>
                </details>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** « 1 point sur 2, dont 1 nominatif »: what an extract will hold, by count. */
function extractSummary(extract: { named: boolean }[], total: number): string {
  if (total === 0) return '—';
  const named = extract.filter((e) => e.named).length;
  return `${extract.length} sur ${total}${named > 0 ? `, dont ${named} avec l’identité de la personne` : ''}`;
}
