import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { Field } from './Field';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  error?: string | null;
  busy?: boolean;
  onConfirm: (password: string) => void;
  onCancel: () => void;
}

/**
 * Modal confirmation of a sensitive action: the user types their own password again (DESIGN §5).
 * Uses the native <dialog>, which traps focus and closes on Escape.
 */
export function PasswordDialog({ title, children, confirmLabel, danger, error, busy, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(password);
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id="dialog-title">{title}</h2>
        {children}
        <Field
          label="Votre mot de passe (confirmation)"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error ?? undefined}
          required
          autoFocus
        />
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Annuler
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || password === ''}>
            {busy ? 'Veuillez patienter…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
