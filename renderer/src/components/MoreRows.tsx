import { Link } from 'react-router';

/** Below a dashboard list cut to its first rows: how many more, and where to see them. */
export function MoreRows({ shown, total, to, label }: { shown: number; total: number; to?: string; label?: string }) {
  const rest = total - shown;
  if (rest <= 0) return null;
  const text = `… et ${rest.toLocaleString('fr-FR')} autre${rest > 1 ? 's' : ''}`;
  return <p className="muted">{to ? <Link to={to}>{`${text} — ${label ?? 'voir la liste'}`}</Link> : text}</p>;
}
