import { useState } from 'react';

export const PAGE_SIZE = 50;

/**
 * Long lists are shown a page at a time (50 rows): a directory of thousands of lines appears at
 * once. The page goes back to the first when the list changes (a new filter).
 */
export function usePaging<T>(items: readonly T[] | null, label: string) {
  const [page, setPage] = useState({ index: 0, of: items });
  // A new list (filters changed, reload) starts again at its first page.
  const index = page.of === items ? page.index : 0;
  const total = items?.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = Math.min(index, pages - 1) * PAGE_SIZE;
  const visible = items ? items.slice(first, first + PAGE_SIZE) : null;
  const go = (next: number) => setPage({ index: next, of: items });
  const pager =
    total > PAGE_SIZE ? (
      <nav className="pager" aria-label={label}>
        <button type="button" className="secondary" disabled={first === 0} onClick={() => go(first / PAGE_SIZE - 1)}>
          Page précédente
        </button>
        <span role="status">
          {first + 1}–{Math.min(first + PAGE_SIZE, total)} sur {total}
        </span>
        <button type="button" className="secondary" disabled={first + PAGE_SIZE >= total} onClick={() => go(first / PAGE_SIZE + 1)}>
          Page suivante
        </button>
      </nav>
    ) : null;
  return { visible, pager };
}
