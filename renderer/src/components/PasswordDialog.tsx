import { ReactNode, useState } from 'react';
import { Field } from './Field';
import { Modal } from './Modal';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  error?: string | null;
  busy?: boolean;
  /** False when the dialog's own fields come first (they then carry data-autofocus). */
  focusPassword?: boolean;
  onConfirm: (password: string) => void;
  onCancel: () => void;
}

/** Confirmation of a sensitive action: the user types their own password again (DESIGN §5). */
export function PasswordDialog({ title, children, confirmLabel, danger, error, busy, focusPassword = true, onConfirm, onCancel }: Props) {
  const [password, setPassword] = useState('');
  return (
    <Modal title={title} submitLabel={confirmLabel} danger={danger ?? false} busy={busy ?? false} submitDisabled={password === ''} onSubmit={() => onConfirm(password)} onCancel={onCancel}>
      {children}
      <Field
        label="Votre mot de passe (confirmation)"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error ?? undefined}
        required
       
        data-autofocus
      />
    </Modal>
  );
}
