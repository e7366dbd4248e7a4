import { Field } from './Field';

interface Props {
  /** « Mot de passe », « Nouveau mot de passe », « Mot de passe initial »: the confirmation field says the same. */
  label: string;
  hint: string;
  value: string;
  confirmation: string;
  onChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  error?: string | undefined;
  confirmationError?: string | undefined;
}

/** A password being chosen, typed twice; the main process checks the policy and that both match. */
export function NewPasswordFields({ label, hint, value, confirmation, onChange, onConfirmationChange, error, confirmationError }: Props) {
  return (
    <>
      <Field
        label={label}
        hint={hint}
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        required
        autoComplete="new-password"
      />
      <Field
        label={`Confirmation du ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        type="password"
        value={confirmation}
        onChange={(e) => onConfirmationChange(e.target.value)}
        error={confirmationError}
        required
        autoComplete="new-password"
      />
    </>
  );
}
