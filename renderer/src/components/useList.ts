import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';

/**
 * Loads a list through the API, reloads on demand or when `query` changes (compared by value),
 * and keeps the error to show. The latest `load` is always the one called.
 */
export function useList<T>(load: () => Promise<Result<T[]>>, query: unknown) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const reload = useCallback(async () => {
    const result = await latest.current();
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else setError(result.error.message);
  }, []);
  const key = JSON.stringify(query);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { items, error, reload };
}
