import { FormEvent, ReactNode, useEffect, useId, useRef } from 'react';
import { WithCodes } from './WithCodes';

interface Props {
  title: string;
  children: ReactNode;
  submitLabel: string;
  busy?: boolean;
  danger?: boolean;
  submitDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Asked before cancelling (button or Escape) when cancelling loses something that cannot be shown again. */
  cancelConfirmation?: string;
}

/**
 * A modal form on the native <dialog>: focus is trapped, Escape cancels, Enter submits, the focus
 * returns to the opener on close; the body scrolls while the title and buttons stay visible.
 * Mark the first field to type in with `data-autofocus` (React's autoFocus runs before showModal).
 */
export function Modal({ title, children, submitLabel, busy, danger, submitDisabled, onSubmit, onCancel, cancelConfirmation }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets the focus back when it closes (if it is still there).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first control; the field marked data-autofocus is the one to type in.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const cancel = (event?: { preventDefault(): void }) => {
    if (cancelConfirmation && !window.confirm(cancelConfirmation)) {
      event?.preventDefault(); // Escape: the native dialog stays open
      return;
    }
    onCancel();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={cancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>
          <WithCodes text={title} />
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => cancel()}>
            Annuler
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || submitDisabled}>
            {busy ? 'Veuillez patienter…' : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
