// Forms with unsaved changes, known to the shell: a link to another page asks first (the draft is
// kept anyway), and a lock asked by the user saves every pending draft before the session closes.
import { useEffect } from 'react';

const dirty = new Set<string>();
const flushers = new Set<() => Promise<unknown>>();

export const LEAVE_MESSAGE =
  'Des modifications ne sont pas enregistrées. Elles restent gardées en brouillon : vous les retrouverez en revenant sur ce formulaire. Quitter cette page ?';

/** Marks a form as holding unsaved changes; the returned function unmarks it. */
export function markDirty(key: string): () => void {
  dirty.add(key);
  return () => {
    dirty.delete(key);
  };
}

export const hasUnsavedChanges = (): boolean => dirty.size > 0;

/** A form's way to save its draft now; the returned function unregisters it. */
export function registerFlush(flush: () => Promise<unknown>): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Before the user locks: every pending draft is saved while the session is still open. */
export async function flushDrafts(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

/**
 * Installed once by the shell. A click on a link to another page asks first while a form holds
 * unsaved changes; the browser's Back is not asked (it cannot be), the draft brings the typing back.
 */
export function useLeaveGuard(): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!hasUnsavedChanges() || event.defaultPrevented) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = link?.getAttribute('href') ?? '';
      if (!link || href.startsWith('#') || link.getAttribute('download') !== null) return;
      if (new URL(href, window.location.href).pathname === window.location.pathname) return;
      if (!window.confirm(LEAVE_MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Capture, on the document: before React Router's own handler on the root.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
}
