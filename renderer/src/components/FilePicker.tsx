import { ChangeEvent, useId } from 'react';

interface Props {
  label: string;
  accept: string;
  /** Largest file accepted, in bytes; a larger one is refused here with a French message. */
  maxBytes: number;
  hint?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
  onRefused: (message: string) => void;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;

/**
 * A file field that reads the file every time it is picked — even the same name again, after a
 * correction in Excel: the field is emptied as soon as the file is handed over.
 */
export function FilePicker({ label, accept, maxBytes, hint, disabled, onFile, onRefused }: Props) {
  const id = useId();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) onRefused(`Le fichier « ${file.name} » pèse ${megabytes(file.size)} : ${megabytes(maxBytes)} au plus.`);
    else onFile(file);
  };
  return (
    <div className="field narrow">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} type="file" accept={accept} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined} onChange={choose} />
    </div>
  );
}
