import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/ipc/contract';
import type { Page } from '../api';

export const PAGE_SIZE = 50;

/**
 * A long list loaded a page at a time from the main process (50 rows: thousands of lines appear at
 * once). A new query (filters) starts again at the first page; `reload` keeps the current page.
 */
export function usePagedList<P extends Page<unknown>>(
  load: (page: { limit: number; offset: number }) => Promise<Result<P>>,
  query: unknown,
  label: string,
) {
  const key = JSON.stringify(query);
  const [position, setPosition] = useState({ key, offset: 0 });
  const offset = position.key === key ? position.offset : 0;
  const [page, setPage] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const reload = useCallback(async () => {
    const result = await latest.current({ limit: PAGE_SIZE, offset });
    if (result.ok) {
      setPage(result.value);
      setError(null);
    } else setError(result.error.message);
  }, [offset]);
  useEffect(() => {
    void reload();
  }, [reload, key]);

  const total = page?.total ?? 0;
  const go = (next: number) => setPosition({ key, offset: next });
  const pager =
    total > PAGE_SIZE ? (
      <nav className="pager" aria-label={label}>
        <button type="button" className="secondary" disabled={offset === 0} onClick={() => go(Math.max(0, offset - PAGE_SIZE))}>
          Page précédente
        </button>
        <span role="status">
          {offset + 1}–{Math.min(offset + PAGE_SIZE, total)} sur {total}
        </span>
        <button type="button" className="secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => go(offset + PAGE_SIZE)}>
          Page suivante
        </button>
      </nav>
    ) : null;
  return { items: (page?.items ?? null) as P['items'] | null, page, total, error, reload, pager };
}
