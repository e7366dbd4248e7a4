import { useEffect, useState } from 'react';
import { ActionView, api, ApiError } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';

/**
 * Each action of an item in words for the person: the letter prints these instead of the
 * professional wording. Prefilled from the action when it was decided, corrected here.
 */
export function LetterWordings({ itemId, situationId, canKeep }: { itemId: number; situationId: number; canKeep: boolean }) {
  const [actions, setActions] = useState<ActionView[] | null>(null);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void api.actions.board({ situationId }).then((r) => {
      if (!r.ok) return setError(r.error);
      const mine = r.value.filter((a) => a.itemId === itemId);
      setActions(mine);
      setDrafts(Object.fromEntries(mine.map((a) => [a.id, a.personWording || a.what])));
    });
  }, [itemId, situationId]);
  if (!actions) return error ? <ErrorAlert error={error} /> : null;
  if (actions.length === 0) return <p className="muted">Aucune action : le courrier reprend les propositions de la séance.</p>;
  const save = async (a: ActionView) => {
    setError(null);
    setSaved(null);
    const result = await api.actions.personWording({ actionId: a.id, wording: drafts[a.id] ?? '' });
    if (!result.ok) return setError(result.error);
    setActions(result.value);
    setSaved(`Formulation enregistrée pour « ${a.what} ».`);
  };
  return (
    <div>
      {saved && <Alert kind="success">{saved}</Alert>}
      {error && <ErrorAlert error={error} />}
      {actions.map((a) => (
        <div key={a.id} className="inline-form">
          <Field
            label={`« ${a.what} » (${a.owner.name}), tel que la personne le lira`}
            value={drafts[a.id] ?? ''}
            disabled={!canKeep}
            onChange={(e) => setDrafts({ ...drafts, [a.id]: e.target.value })}
            error={error?.fields?.wording}
          />
          {canKeep && (
            <button type="button" className="secondary small" onClick={() => void save(a)}>
              Enregistrer<span className="visually-hidden"> la formulation de « {a.what} »</span>
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
