import { useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';
import type { ApiError } from '../api';

const WRONG_PASSWORD = new Set(['CONFIRMATION_REQUIRED', 'UNLOCK_DELAY']);

/**
 * A sensitive action behind <PasswordDialog>: a wrong password (or the delay it imposes) keeps the
 * dialog open with its message; success or any other refusal closes it. `closeWhileRunning` hides
 * the dialog during long work (a backup shows its progress on the page) and reopens it if needed.
 */
export function usePasswordAction(options: { closeWhileRunning?: boolean } = {}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = () => {
    setAsking(false);
    setError(null);
  };
  async function confirm<T>(call: () => Promise<Result<T>>, onDone: (value: T) => void, onRefused: (error: ApiError) => void) {
    setBusy(true);
    setError(null);
    if (options.closeWhileRunning) setAsking(false);
    const result = await call();
    setBusy(false);
    if (result.ok) {
      setAsking(false);
      onDone(result.value);
    } else if (WRONG_PASSWORD.has(result.error.code)) {
      setError(result.error);
      setAsking(true);
    } else {
      setAsking(false);
      onRefused(result.error);
    }
  }
  return {
    asking,
    open: () => setAsking(true),
    confirm,
    /** What <PasswordDialog> needs besides its title, text and onConfirm. */
    dialog: { error: error?.message ?? null, retryAfterMs: error?.retryAfterMs, busy, onCancel: cancel },
  };
}
