import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';

/** Loads a list through the API, reloads on demand or when `deps` change, keeps the error to show. */
export function useList<T>(load: () => Promise<Result<T[]>>, deps: readonly unknown[]) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The caller names the dependencies of `load`, as with useEffect.
  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else setError(result.error.message);
  }, deps);
  useEffect(() => void reload(), [reload]);
  return { items, error, reload };
}
