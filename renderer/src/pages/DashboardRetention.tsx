import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, RetentionOverview } from '../api';

/** The first codes, then how many more: a dashboard sentence stays a sentence with hundreds due. */
const SHOWN_CODES = 10;
function namedCodes(codes: string[]): string {
  const shown = codes.slice(0, SHOWN_CODES).join(', ');
  const rest = codes.length - SHOWN_CODES;
  return rest > 0 ? `${shown} et ${rest.toLocaleString('fr-FR')} autre${rest > 1 ? 's' : ''}` : shown;
}

/** G9 on the dashboard: the situations whose person's data is due for erasure, proposed to the coordinator. */
export function DashboardRetention() {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  useEffect(() => {
    void api.retention.candidates({}).then((r) => r.ok && setOverview(r.value));
  }, []);
  if (!overview || (overview.candidates.length === 0 && overview.minutes.length === 0)) return null;
  const count = overview.candidates.length;
  const minutes = overview.minutes.length;
  return (
    <section aria-labelledby="dashboard-retention">
      <h2 id="dashboard-retention">Données à effacer</h2>
      {count > 0 && (
        <p>
          {count === 1 ? 'Une situation a' : `${count} situations ont`} passé la durée de conservation, fait l’objet d’un retrait du
          consentement ou n’ont jamais reçu de consentement : {namedCodes(overview.candidates.map((c) => c.code))}.{' '}
          <Link to="/administration/conservation">Proposer l’effacement</Link>
        </p>
      )}
      {minutes > 0 && (
        <p>
          {minutes === 1 ? 'Un compte rendu signé a' : `${minutes} comptes rendus signés ont`} passé leur durée de conservation.{' '}
          <Link to="/administration/conservation">Proposer la destruction</Link>
        </p>
      )}
    </section>
  );
}
