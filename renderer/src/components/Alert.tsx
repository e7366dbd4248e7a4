import type { ReactNode } from 'react';
import type { ApiError } from '../api';

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * A refusal from the main process: its French message and, when gates refused, every unmet
 * precondition as a checklist. The delay of a throttled attempt is counted down elsewhere, from the
 * number the error carries.
 */
export function ErrorAlert({ error, fieldsShown = false }: { error: ApiError; fieldsShown?: boolean }) {
  // A form shows each field's message beside the field: the summary only points at them.
  const fieldCount = Object.keys(error.fields ?? {}).length;
  const text =
    fieldsShown && fieldCount > 0 ? (fieldCount === 1 ? 'Vérifiez le champ signalé.' : 'Vérifiez les champs signalés.') : error.message;
  return (
    <Alert>
      {text}
      {error.reasons && error.reasons.length > 0 && (
        <ul className="checklist" aria-label="Conditions préalables">
          {error.reasons.map((reason) => (
            <li key={`${reason.gate}:${reason.code}:${reason.subject?.id ?? ''}`}>{reason.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
