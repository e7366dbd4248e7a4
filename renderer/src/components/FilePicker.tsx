import { ChangeEvent, useEffect, useId, useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  /** Largest file accepted, in bytes; a larger one is refused here with a French message. */
  maxBytes: number;
  hint?: string;
  disabled?: boolean;
  /** Why the file picked was refused: shown beside the field, which takes the focus. */
  error?: string | null | undefined;
  /** Changed by the form to bring the focus back to a refused file (a save attempted meanwhile). */
  refocus?: number;
  onFile: (file: File) => void;
  onRefused: (message: string) => void;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;

/**
 * A file field that reads the file every time it is picked — even the same name again, after a
 * correction in Excel: the field is emptied as soon as the file is handed over. A refusal sits
 * beside the field and brings the focus back to it, never out of view at the top of a dialog.
 */
export function FilePicker({ label, accept, maxBytes, hint, disabled, error, refocus, onFile, onRefused }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error, refocus]);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) onRefused(`Le fichier « ${file.name} » pèse ${megabytes(file.size)} : ${megabytes(maxBytes)} au plus.`);
    else onFile(file);
  };
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field narrow${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={choose}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
