import { KeyboardEvent, Ref, useEffect, useId, useRef, useState } from 'react';
import { api, MemberChoice } from '../api';

/** How a member reads in every picker: name, then structure (and « désactivé » when it is). */
export function memberLabel(m: Pick<MemberChoice, 'displayName' | 'structureName' | 'active'>): string {
  return `${m.displayName} — ${m.structureName}${m.active ? '' : ' (désactivé)'}`;
}

/** One page of suggestions; one more is asked for to know whether the search should be narrowed. */
const SHOWN = 20;

interface MemberPickerProps {
  label: string;
  /** The chosen member's id as text, '' for none (the forms keep their fields as text). */
  value: string;
  onChange: (value: string, member: MemberChoice | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** Members the form already holds (convened, invited, the member being replaced): not offered. */
  excludeIds?: number[] | undefined;
  /** Why a member is shown but may not be chosen (G3: the charter in force not signed), or null. */
  blockedReason?: ((member: MemberChoice) => string | null) | undefined;
  /** The field may be emptied (an optional choice): clearing the text clears the choice. */
  optional?: boolean;
  /** Deactivated members offered too (a search in the history, not a new choice). */
  includeInactive?: boolean;
  /** The field a dialog opens on (Modal focuses the one marked `data-autofocus`). */
  autoFocusInDialog?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** An « add » field: emptied once a member is chosen, ready for the next one. */
  clearOnChoose?: boolean;
  /** In a table row the column says what the field is: the label is for screen readers only. */
  hideLabel?: boolean;
}

/**
 * A member chosen by typing part of a name, a function or a structure, searched in SQL as one types
 * (`partners.memberChoices`, 20 at a time): the directory is never loaded whole. The ARIA 1.2
 * combobox pattern: arrows move in the list, Enter chooses, Escape closes; the number of matches is
 * announced. Leaving the field without choosing keeps the member chosen before.
 */
export function MemberPicker({
  label,
  value,
  onChange,
  error,
  hint,
  excludeIds,
  blockedReason,
  optional,
  includeInactive,
  autoFocusInDialog,
  inputRef,
  clearOnChoose,
  hideLabel,
}: MemberPickerProps) {
  const id = useId();
  const [chosen, setChosen] = useState<MemberChoice | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<MemberChoice[] | null>(null);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);
  const exclude = JSON.stringify(excludeIds ?? []);

  // The member already chosen is named from its id (a form opened on a saved record).
  useEffect(() => {
    if (value === '') {
      setChosen(null);
      setText('');
      return;
    }
    if (chosen && String(chosen.id) === value) return;
    let current = true;
    void api.partners.memberChoices({ ids: [Number(value)] }).then((result) => {
      if (!current || !result.ok) return;
      const member = result.value[0] ?? null;
      setChosen(member);
      setText(member ? memberLabel(member) : '');
    });
    return () => {
      current = false;
    };
    // `chosen` is read, not followed: only a new value from the form names a member again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const search = (query: string) => {
    const ask = ++asked.current;
    setOpen(true);
    void api.partners
      .memberChoices({
        search: query.trim() || undefined,
        excludeIds: JSON.parse(exclude) as number[],
        includeInactive: includeInactive || undefined,
        limit: SHOWN + 1,
      })
      .then((result) => {
        if (ask !== asked.current) return; // an answer to an older keystroke
        const found = result.ok ? result.value : [];
        setOptions(found);
        setActive(found.length > 0 ? 0 : -1);
      });
  };

  const shown = (options ?? []).slice(0, SHOWN);
  const blocked = (m: MemberChoice) => blockedReason?.(m) ?? null;
  const close = () => {
    asked.current++;
    setOpen(false);
    setActive(-1);
  };
  const choose = (m: MemberChoice) => {
    if (blocked(m)) return;
    setChosen(clearOnChoose ? null : m);
    setText(clearOnChoose ? '' : memberLabel(m));
    close();
    onChange(String(m.id), m);
  };
  const restore = () => {
    close();
    if (text.trim() === '' && optional && chosen) {
      setChosen(null);
      onChange('', null);
    } else setText(chosen ? memberLabel(chosen) : text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return search(text === (chosen ? memberLabel(chosen) : '') ? '' : text);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length === 0 ? -1 : (i + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault(); // choosing is not submitting the form
      const m = shown[active];
      if (m) choose(m);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation(); // a dialog around stays open
      restore();
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const described = [hint ? `${id}-hint` : null, `${id}-status`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const status =
    !open || options === null
      ? ''
      : options.length === 0
        ? text.trim()
          ? `Aucun membre ne correspond à « ${text.trim()} ».`
          : 'Aucun membre à proposer.'
        : options.length > SHOWN
          ? `Les ${SHOWN} premiers membres : précisez la recherche pour les autres.`
          : `${options.length} membre${options.length > 1 ? 's' : ''} proposé${options.length > 1 ? 's' : ''}.`;

  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="picker-anchor">
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Tapez un nom ou une structure…"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          data-autofocus={autoFocusInDialog ? true : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            search(event.target.value);
          }}
          onClick={() => !open && search(text === (chosen ? memberLabel(chosen) : '') ? '' : text)}
          onKeyDown={onKeyDown}
          onBlur={restore}
        />
        <ul id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!open || shown.length === 0}>
          {shown.map((m, i) => {
            const reason = blocked(m);
            return (
              <li
                key={m.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                aria-disabled={reason ? true : undefined}
                className={i === active ? 'active' : undefined}
                // mousedown, not click: the input keeps the focus and its blur does not close the list first
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(m);
                }}
              >
                {memberLabel(m)}
                {reason && <span className="muted"> — {reason}</span>}
              </li>
            );
          })}
        </ul>
      </div>
      <p id={`${id}-status`} role="status" className={options && options.length > SHOWN && open ? 'hint' : 'visually-hidden'}>
        {status}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
