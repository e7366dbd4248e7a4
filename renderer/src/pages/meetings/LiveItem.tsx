import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, ItemSession } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { ATTENDANCE_WISHES, ITEM_STATUSES } from '../../labels';
import { ActionEntry } from './ActionEntry';
import { ConcludeForm, DeliberationForm } from './DeliberationForm';
import { PresentMembers } from './PresentMembers';

/**
 * The session screen for one item, for a laptop beside a projector: this item only — its code, the
 * referring structure, the neutral question, who is in the room, the gates — never another item's
 * content and never the person's name.
 */
export function LiveItem({ canKeep, onChanged }: { canKeep: boolean; onChanged: () => void }) {
  const params = useParams();
  const itemId = Number(params.itemId);
  const meetingId = Number(params.id);
  const [session, setSession] = useState<ItemSession | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [postponing, setPostponing] = useState(false);

  const load = useCallback(async () => {
    const result = await api.meetings.item({ itemId });
    if (result.ok) setSession(result.value);
    else setError(result.error);
  }, [itemId]);
  useEffect(() => {
    setSession(null);
    setNotice(null);
    setError(null);
    void load();
  }, [load]);

  const changed = (next: ItemSession, message: string) => {
    setSession(next);
    setError(null);
    setNotice(message);
    onChanged();
  };
  const act = async (call: () => ReturnType<typeof api.meetings.openItem>, message: string) => {
    setNotice(null);
    const result = await call();
    if (result.ok) changed(result.value, message);
    else setError(result.error);
  };

  if (!session) return error ? <ErrorAlert error={error} /> : <p aria-busy="true">Chargement…</p>;
  const { item } = session;
  const planned = item.status === 'planned';
  const inSession = session.meeting.state === 'convened';
  const keep = canKeep && inSession;
  const mustLeave = session.scopeReasons.filter((r) => r.subject?.type === 'member');
  const leaving = (code: string) => code === 'STRUCTURE_EXCLUDED' || code === 'CATEGORY_NOT_ALLOWED';
  const exitButton = (r: ItemSession['scopeReasons'][number]) =>
    keep &&
    r.gate === 'G5' &&
    r.subject &&
    leaving(r.code) && (
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void act(
            () => api.meetings.exits({ itemId: item.id, memberIds: [r.subject!.id] }),
            'Sortie de salle enregistrée pour ce point ; le compte rendu le mentionnera.',
          )
        }
      >
        Enregistrer sa sortie de salle
      </button>
    );
  return (
    <section aria-labelledby="live-title" className="live-item">
      <h2 id="live-title">
        Point {session.ordinal.position} sur {session.ordinal.total} — <span className="code">{item.code}</span>
      </h2>
      <p>
        <span className="badge neutral">{ITEM_STATUSES[item.status]}</span> Saisine de {item.structureName}
        {item.presenter && `, présentée par ${item.presenter.displayName}`}
      </p>
      <p>
        <strong>Question posée :</strong> {item.neutralQuestion}
      </p>
      <p>
        <strong>Place de la personne :</strong> {item.personWish ? ATTENDANCE_WISHES[item.personWish] : 'non renseignée'}
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <ErrorAlert error={error} />}

      <section aria-labelledby="room-title">
        <h3 id="room-title">Dans la salle pour ce point ({session.present.length})</h3>
        <PresentMembers present={session.present} />
        {session.exits.length > 0 && (
          <>
            <h4>Ont quitté la salle pour ce point</h4>
            <ul>
              {session.exits.map((e) => (
                <li key={e.memberId}>
                  {e.displayName} — {e.structureName}
                  {e.reasons.length > 0 && <span className="muted"> ({e.reasons.map((r) => r.message).join(' ')})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {planned && (
        <section aria-labelledby="gates-title">
          <h3 id="gates-title">Conditions préalables</h3>
          {item.gateReasons.length === 0 && mustLeave.length === 0 ? (
            <p>
              <span className="badge ok">Conditions remplies</span> Le point peut être ouvert.
            </p>
          ) : (
            <ul className="checklist" aria-label="Conditions non remplies">
              {[...item.gateReasons, ...session.scopeReasons].map((r) => (
                <li key={`${r.gate}:${r.code}:${r.subject?.id ?? ''}`}>
                  {r.message}
                  {exitButton(r)}
                  {r.code === 'ATTENDANCE_UNSETTLED' && (
                    <>
                      {' '}
                      <Link to={`/commissions/${meetingId}/seance`}>Renseigner la présence</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {keep && (
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void act(() => api.meetings.openItem({ itemId: item.id }), 'Point ouvert : la Commission examine la situation.')
                }
              >
                Ouvrir le point
              </button>
              <button type="button" className="secondary" onClick={() => setPostponing(true)}>
                Reporter le point
              </button>
            </div>
          )}
        </section>
      )}

      {item.status === 'opened' && mustLeave.length > 0 && (
        <div role="alert" className="alert alert-error">
          <p>
            <strong>La salle n’est plus conforme au consentement de la personne</strong> : la délibération, les actions et la conclusion
            sont refusées tant que ces membres sont présents.
          </p>
          <ul>
            {mustLeave.map((r) => (
              <li key={`${r.code}:${r.subject?.id ?? ''}`}>
                {r.message} {exitButton(r)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(item.status === 'opened' || item.status === 'deliberated') && (
        <>
          <DeliberationForm session={session} editable={canKeep && session.meeting.state !== 'minutes_signed'} onSaved={changed} />
          <ActionEntry session={session} editable={canKeep && session.meeting.state !== 'minutes_signed'} onChanged={() => void load()} />
          {keep && item.status === 'opened' && <ConcludeForm session={session} onDone={changed} />}
        </>
      )}

      <nav className="actions" aria-label="Autres points">
        {session.previousItemId && (
          <Link className="button secondary" to={`/commissions/${meetingId}/seance/${session.previousItemId}`}>
            Point précédent
          </Link>
        )}
        {session.nextItemId && (
          <Link className="button secondary" to={`/commissions/${meetingId}/seance/${session.nextItemId}`}>
            Point suivant
          </Link>
        )}
        <Link className="button secondary" to={`/commissions/${meetingId}/seance`}>
          Retour à la séance
        </Link>
      </nav>
      {postponing && (
        <PostponeDialog
          session={session}
          onDone={(next) => {
            setPostponing(false);
            changed(next, 'Point reporté : la situation pourra être inscrite à une prochaine séance.');
          }}
          onCancel={() => setPostponing(false)}
        />
      )}
    </section>
  );
}

function PostponeDialog({
  session,
  onDone,
  onCancel,
}: {
  session: ItemSession;
  onDone: (next: ItemSession) => void;
  onCancel: () => void;
}) {
  const { busy, error, submit } = useApiForm();
  return (
    <Modal
      title={`Reporter le point ${session.item.code}`}
      submitLabel="Reporter"
      busy={busy}
      onSubmit={() => void submit(() => api.meetings.postponeItem({ itemId: session.item.id }), onDone)}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} />}
      <p>Le point ne sera pas examiné lors de cette séance. La situation revient à son état précédent.</p>
    </Modal>
  );
}
