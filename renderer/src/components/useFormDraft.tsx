import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { formatDateTime } from '../labels';
import { markDirty, registerFlush } from './unsaved';

interface Options<T> {
  /** The form and its object (`referral:new`, `consent:12`); null while there is nothing to keep. */
  key: string | null;
  /** The situation the draft is about, so that its erasure (G9) takes the draft too. */
  situationId?: number | null;
  value: T;
  /** The form as it opens (empty, or the saved record): a draft equal to it is no draft. */
  initial: T;
  restore: (value: T) => void;
  /** False until the form's own data is loaded: the draft is read after it, never overwritten by it. */
  ready?: boolean;
}

export interface FormDraft<T = unknown> {
  /** When the restored draft was last typed, or null when the form opened without one. */
  restoredAt: string | null;
  /** Abandon the draft: deleted, and the form back as it opened. */
  discard: () => Promise<void>;
  /** The form was saved: its draft is no longer needed; `next` is the form as it starts again (emptied), if not as saved. */
  clear: (next?: T) => Promise<void>;
  /** Something was typed since the form opened. */
  dirty: boolean;
  /** « Annuler »: asks first when something was typed, then drops the draft; false when the user keeps it. */
  abandon: () => Promise<boolean>;
}

export const ABANDON_MESSAGE = 'Abandonner ce qui a été saisi ? Le brouillon sera supprimé.';

const SAVE_DELAY_MS = 500;

/**
 * Keeps what is typed in a form as a draft in the encrypted database (never in browser storage):
 * saved half a second after typing stops and at once when the form is left, restored when the user
 * comes back after a lock, a reload or a navigation, and cleared when the form is saved or abandoned.
 * Files are never part of a draft: the caller leaves them out of `value`.
 */
export function useFormDraft<T>({ key, situationId = null, value, initial, restore, ready = true }: Options<T>): FormDraft<T> {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const serialized = JSON.stringify(value);
  // What the form holds when nothing is unsaved: as it opened, then as last saved (a server may trim).
  const opened = JSON.stringify(initial);
  const [initialSerialized, setBaseline] = useState(opened);
  useEffect(() => setBaseline(opened), [opened]);
  const stored = useRef<string | null>(null);
  const latest = useRef({ key, situationId, serialized, initialSerialized, restore });
  useEffect(() => {
    latest.current = { key, situationId, serialized, initialSerialized, restore };
  });

  // Read the draft once the form's own data is there.
  useEffect(() => {
    if (!key || !ready) return;
    let live = true;
    void api.drafts.get({ key }).then((result) => {
      if (!live) return;
      if (result.ok && result.value) {
        stored.current = result.value.payload;
        if (result.value.payload !== latest.current.initialSerialized) {
          latest.current.restore(JSON.parse(result.value.payload) as T);
          setRestoredAt(result.value.updatedAt);
        }
      } else stored.current = null;
      setLoadedKey(key);
    });
    return () => {
      live = false;
    };
  }, [key, ready]);

  const loaded = key !== null && loadedKey === key;
  const dirty = loaded && serialized !== initialSerialized;
  useEffect(() => (dirty ? markDirty(key) : undefined), [dirty, key]);

  const persist = useCallback(async (k: string, payload: string, sid: number | null, initialPayload: string): Promise<void> => {
    if (payload === stored.current) return;
    stored.current = payload;
    if (payload === initialPayload) await api.drafts.discard({ key: k });
    else await api.drafts.save({ key: k, situationId: sid, payload });
  }, []);

  useEffect(() => {
    if (!loaded || serialized === stored.current) return;
    const timer = setTimeout(() => void persist(key, serialized, situationId, initialSerialized), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, key, serialized, situationId, initialSerialized, persist]);

  // Leaving the form (navigation) or locking: what was typed since the last save is kept now.
  const loadedKeyRef = useRef<string | null>(null);
  useEffect(() => {
    loadedKeyRef.current = loadedKey;
  }, [loadedKey]);
  useEffect(() => {
    const flush = () => {
      const last = latest.current;
      return last.key && loadedKeyRef.current === last.key
        ? persist(last.key, last.serialized, last.situationId, last.initialSerialized)
        : Promise.resolve();
    };
    const unregister = registerFlush(flush);
    return () => {
      unregister();
      void flush();
    };
  }, [persist]);

  const clear = useCallback(async (next?: T) => {
    const k = latest.current.key;
    if (!k) return;
    // The saved form (or the emptied one) is the new starting point: nothing to flush, nothing unsaved.
    const base = next === undefined ? latest.current.serialized : JSON.stringify(next);
    stored.current = base;
    setBaseline(base);
    setRestoredAt(null);
    await api.drafts.discard({ key: k });
  }, []);
  const discard = useCallback(async () => {
    const k = latest.current.key;
    if (!k) return;
    stored.current = latest.current.initialSerialized;
    setRestoredAt(null);
    latest.current.restore(JSON.parse(latest.current.initialSerialized) as T);
    await api.drafts.discard({ key: k });
  }, []);
  const abandon = useCallback(async () => {
    if (dirty && !window.confirm(ABANDON_MESSAGE)) return false;
    await discard();
    return true;
  }, [dirty, discard]);
  return { restoredAt, discard, clear, dirty, abandon };
}

/** Says a draft was brought back, and offers to abandon it. */
export function DraftNotice<T>({ draft }: { draft: FormDraft<T> }) {
  if (!draft.restoredAt) return null;
  return (
    <div className="alert alert-info" role="status">
      <p>
        Brouillon du {formatDateTime(draft.restoredAt)} restauré : vous reprenez là où vous en étiez. Il n’est pas encore enregistré.{' '}
        <button type="button" className="secondary" onClick={() => void draft.discard()}>
          Abandonner le brouillon
        </button>
      </p>
    </div>
  );
}
