import { useEffect, useState } from 'react';
import { api, ApiError, ItemSession } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { PresentMembers } from './PresentMembers';

/** Who is in the room for the item under examination, and who left it: always in sight. */
export function CurrentRoom({ itemId, position, code, version }: { itemId: number; position: number; code: string; version: number }) {
  const [session, setSession] = useState<ItemSession | null>(null);
  useEffect(() => {
    let current = true;
    void api.meetings.item({ itemId }).then((result) => {
      if (current && result.ok) setSession(result.value);
    });
    return () => {
      current = false;
    };
  }, [itemId, version]);
  return (
    <section className="card panel" aria-labelledby="current-room-title">
      <h3 id="current-room-title">
        Dans la salle pour le point en cours (point {position} — {code})
      </h3>
      {!session ? (
        <p aria-busy="true">Chargement…</p>
      ) : (
        <>
          <PresentMembers present={session.present} />
          {session.exits.length > 0 && (
            <p className="muted">Hors de la salle pour ce point : {session.exits.map((e) => e.displayName).join(', ')}.</p>
          )}
        </>
      )}
    </section>
  );
}

/** An arrival or a substitute outside the person's consent while an item is open: outside, or postpone. */
export function OutOfScopeDialog({
  who,
  item,
  error,
  onStayOutside,
  onPostpone,
  onCancel,
}: {
  who: string;
  item: { position: number; code: string };
  error: ApiError;
  onStayOutside: () => void;
  onPostpone: () => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<'outside' | 'postpone'>('outside');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    if (choice === 'outside') onStayOutside();
    else setFailure(await onPostpone());
    setBusy(false);
  };
  return (
    <Modal
      title={`Point ${item.position} en cours : ${who} ne peut pas entrer`}
      submitLabel="Confirmer"
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {failure && <ErrorAlert error={failure} />}
      <ul className="checklist" aria-label="Pourquoi">
        {(error.reasons ?? []).map((r) => (
          <li key={`${r.code}-${r.subject?.id ?? ''}`}>{r.message}</li>
        ))}
      </ul>
      <fieldset className="group">
        <legend>Que faire ?</legend>
        <div className="checkbox">
          <input
            id="scope-outside"
            type="radio"
            name="scope-choice"
            checked={choice === 'outside'}
            onChange={() => setChoice('outside')}
            data-autofocus
          />
          <label htmlFor="scope-outside">
            {who} reste hors de la salle pour le point {item.position} (la sortie est enregistrée et figurera au compte rendu)
          </label>
        </div>
        <div className="checkbox">
          <input
            id="scope-postpone"
            type="radio"
            name="scope-choice"
            checked={choice === 'postpone'}
            onChange={() => setChoice('postpone')}
          />
          <label htmlFor="scope-postpone">
            Reporter le point {item.position} ({item.code}) à une prochaine séance
          </label>
        </div>
      </fieldset>
    </Modal>
  );
}
