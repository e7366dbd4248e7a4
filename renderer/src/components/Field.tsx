import { InputHTMLAttributes, useId } from 'react';

/** A field's hint or error, referenced by the control's aria-describedby; nothing when empty. */
function Note({ id, className, text }: { id: string; className: string; text: string | undefined }) {
  return text ? (
    <p className={className} id={id}>
      {text}
    </p>
  ) : null;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** A labelled input with its hint and error announced to screen readers. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Note id={`${id}-hint`} className="hint" text={hint} />
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      <Note id={`${id}-error`} className="field-error" text={error} />
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string | undefined;
  /** A required choice starts empty, showing this text: nothing is chosen for the user. */
  placeholder?: string;
  /** The field a dialog opens on (Modal focuses the one marked `data-autofocus`). */
  autoFocusInDialog?: boolean;
}

export function SelectField({ label, value, onChange, options, error, placeholder, autoFocusInDialog }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-autofocus={autoFocusInDialog ? true : undefined}
      >
        {placeholder !== undefined && (
          <option value="" disabled={value !== ''}>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Note id={`${id}-error`} className="field-error" text={error} />
    </div>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** A soft warning that does not block (shown as a note, not an error). */
  warning?: string | undefined;
  rows?: number;
  required?: boolean;
}

export function TextAreaField({ label, value, onChange, error, hint, warning, rows = 4, required }: TextAreaProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, warning ? `${id}-warning` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Note id={`${id}-hint`} className="hint" text={hint} />
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {warning && (
        <p className="field-warning" id={`${id}-warning`} role="status">
          {warning}
        </p>
      )}
      <Note id={`${id}-error`} className="field-error" text={error} />
    </div>
  );
}
