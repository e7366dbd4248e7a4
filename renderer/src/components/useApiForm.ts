import { useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';
import type { ApiError } from '../api';

/**
 * Submitting state, the error to show and per-field messages for one form. Values typed by the
 * user stay in the form on error: nothing is lost on bad input.
 */
export function useApiForm() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit<T>(call: () => Promise<Result<T>>, onSuccess: (value: T) => void | Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) await onSuccess(result.value);
      else setError(result.error);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string): string | undefined => error?.fields?.[name];
  return { busy, error, setError, submit, fieldError };
}
