import { useEffect, useRef, useState } from 'react';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * Saves a text being typed as a draft, a moment after the typing stops, and at once when the page
 * is left (tab change, lock): nothing typed is lost silently. `saved` is the text as last stored.
 */
export function useAutosave(value: string, saved: string, save: (value: string) => Promise<boolean>, delayMs = 800): AutosaveState {
  const [state, setState] = useState<AutosaveState>('saved');
  const stored = useRef(saved);
  const latest = useRef({ value, save });
  useEffect(() => {
    latest.current = { value, save };
  });
  useEffect(() => {
    stored.current = saved;
  }, [saved]);

  useEffect(() => {
    if (value === stored.current) return;
    setState('pending');
    const timer = setTimeout(() => {
      setState('saving');
      void save(value).then((ok) => {
        if (ok) stored.current = value;
        setState(ok ? 'saved' : 'failed');
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [value, save, delayMs]);

  // Leaving the page with unsaved text: save it now (the session is still open at unmount).
  useEffect(
    () => () => {
      const { value: last, save: flush } = latest.current;
      if (last !== stored.current) void flush(last);
    },
    [],
  );
  return state;
}
