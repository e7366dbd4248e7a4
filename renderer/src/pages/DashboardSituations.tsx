import { Link } from 'react-router';
import { api, ReconfirmationDue, SituationSummary } from '../api';
import { Alert } from '../components/Alert';
import { useLoaded } from '../components/useList';
import { formatDay } from '../labels';
import { MoreRows } from '../components/MoreRows';

function Group<T extends SituationSummary>({
  title,
  empty,
  items,
  total,
  more,
  extra,
}: {
  title: string;
  empty: string;
  items: T[];
  total: number;
  /** The list page showing them all, when there is one. */
  more?: string;
  extra?: (s: T) => string;
}) {
  return (
    <section className="card wide">
      <h3>
        {title} ({total})
      </h3>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul>
          {items.map((s) => (
            <li key={s.id}>
              <Link to={`/situations/${s.id}`}>{s.code}</Link> — {s.structureName}, reçue le {formatDay(s.receivedOn)}
              {extra ? ` — ${extra(s)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <MoreRows shown={items.length} total={total} {...(more ? { to: more } : {})} />
    </section>
  );
}

/** What waits for the coordinator: eligibility, consent, consents to confirm again. */
export function DashboardSituations() {
  const { value: board, error } = useLoaded(() => api.situations.dashboard({}), []);
  return (
    <section aria-labelledby="dashboard-situations">
      <h2 id="dashboard-situations">Situations en attente</h2>
      {error && <Alert>{error}</Alert>}
      {board && (
        <div className="dashboard-groups">
          <Group
            title="Saisines à examiner (recevabilité)"
            empty="Aucune saisine en attente."
            items={board.awaitingEligibility}
            total={board.counts.awaitingEligibility}
            more="/situations"
          />
          <Group
            title="Consentements à recueillir"
            empty="Aucun consentement en attente."
            items={board.awaitingConsent}
            total={board.counts.awaitingConsent}
          />
          <Group
            title="Consentements à confirmer de nouveau"
            empty="Aucun consentement à confirmer dans les 30 jours."
            items={board.reconfirmationDue}
            total={board.counts.reconfirmationDue}
            extra={(s: ReconfirmationDue) => `à confirmer avant le ${formatDay(s.reconfirmBy)}`}
          />
        </div>
      )}
    </section>
  );
}
