import { ReactNode, useState } from 'react';
import { Alert } from './Alert';
import { Field } from './Field';

/**
 * Outcome messages of a list page: `done` closes the action with a success message and reloads,
 * `fail` shows the refusal. `messages` renders both, plus the list's own loading error.
 */
export function useListFeedback(reload: () => Promise<void>, closeEditor: () => void) {
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const done = async (message: string) => {
    closeEditor();
    setNotice(message);
    setActionError(null);
    await reload();
  };
  const messages = (loadError: string | null) => (
    <>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(loadError || actionError) && <Alert>{loadError ?? actionError}</Alert>}
    </>
  );
  return { done, fail: setActionError, messages };
}

interface FilterBarProps {
  label: string;
  search: string;
  onSearch: (value: string) => void;
  inactive: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void };
  children?: ReactNode;
}

/** Search field, the page's own filters, and the "show deactivated" switch, as one search region. */
export function FilterBar({ label, search, onSearch, inactive, children }: FilterBarProps) {
  return (
    <div className="filters" role="search" aria-label={label}>
      <Field label="Rechercher" type="search" value={search} onChange={(e) => onSearch(e.target.value)} />
      {children}
      <div className="checkbox">
        <input id={inactive.id} type="checkbox" checked={inactive.checked} onChange={(e) => inactive.onChange(e.target.checked)} />
        <label htmlFor={inactive.id}>{inactive.label}</label>
      </div>
    </div>
  );
}
