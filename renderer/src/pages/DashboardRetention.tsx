import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, RetentionOverview } from '../api';

/** G9 on the dashboard: the situations whose person's data is due for erasure, proposed to the coordinator. */
export function DashboardRetention() {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  useEffect(() => {
    void api.retention.candidates({}).then((r) => r.ok && setOverview(r.value));
  }, []);
  if (!overview || overview.candidates.length === 0) return null;
  const count = overview.candidates.length;
  return (
    <section aria-labelledby="dashboard-retention">
      <h2 id="dashboard-retention">Données à effacer</h2>
      <p>
        {count === 1 ? 'Une situation close a' : `${count} situations closes ont`} passé la durée de conservation ou fait l’objet d’un
        retrait du consentement : {overview.candidates.map((c) => c.code).join(', ')}.{' '}
        <Link to="/administration/conservation">Proposer l’effacement</Link>
      </p>
    </section>
  );
}
