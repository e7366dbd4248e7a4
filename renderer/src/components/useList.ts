import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';

/**
 * Loads a value through the API, reloads on demand or when `query` changes (compared by value),
 * and keeps the error to show. The latest `load` is always the one called.
 */
export function useLoaded<T>(load: () => Promise<Result<T>>, query: unknown) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const reload = useCallback(async () => {
    const result = await latest.current();
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(result.error.message);
  }, []);
  const key = JSON.stringify(query);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { value, error, reload };
}

/** A list loaded through the API (see useLoaded). */
export function useList<T>(load: () => Promise<Result<T[]>>, query: unknown) {
  const { value, error, reload } = useLoaded(load, query);
  return { items: value, error, reload };
}
