import { ReactNode, useState } from 'react';
import { Field } from './Field';
import { Modal } from './Modal';
import { RetryWait, useCountdown } from './useCountdown';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  error?: string | null;
  /** After a wrong confirmation: the delay before the next try (the button waits). */
  retryAfterMs?: number | undefined;
  busy?: boolean;
  /** False when the dialog's own fields come first (they then carry data-autofocus). */
  focusPassword?: boolean;
  onConfirm: (password: string) => void;
  onCancel: () => void;
}

/** Confirmation of a sensitive action: the user types their own password again (DESIGN §5). */
export function PasswordDialog({
  title,
  children,
  confirmLabel,
  danger,
  error,
  retryAfterMs,
  busy,
  focusPassword = true,
  onConfirm,
  onCancel,
}: Props) {
  const [password, setPassword] = useState('');
  const wait = useCountdown(retryAfterMs);
  return (
    <Modal
      title={title}
      submitLabel={confirmLabel}
      danger={danger ?? false}
      busy={busy ?? false}
      submitDisabled={password === '' || wait > 0}
      onSubmit={() => onConfirm(password)}
      onCancel={onCancel}
    >
      {children}
      <Field
        label="Votre mot de passe (confirmation)"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error ?? undefined}
        required
        {...(focusPassword ? { 'data-autofocus': true } : {})}
      />
      <RetryWait seconds={wait} />
    </Modal>
  );
}
