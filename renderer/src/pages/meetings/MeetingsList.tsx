import { Link } from 'react-router';
import { api, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert } from '../../components/Alert';
import { usePagedList } from '../../components/Pager';
import { formatDay, formatTime } from '../../labels';
import { MeetingBadge } from './MeetingBadge';

export function MeetingsList({ session }: { session: SessionInfo }) {
  const { items, error, pager } = usePagedList((paging) => api.meetings.page(paging), {}, 'Pages des séances');
  return (
    <section>
      <h1>Commissions</h1>
      {error && <Alert>{error}</Alert>}
      <div className="actions">
        {can(session, 'meetings.save') && (
          <Link className="button primary" to="/commissions/nouvelle">
            Planifier une séance
          </Link>
        )}
        <Link className="button secondary" to="/commissions/suivi">
          Suivi des actions
        </Link>
      </div>
      {items && items.length === 0 && <p className="empty">Aucune séance pour l’instant.</p>}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Séances de la Commission</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Horaires</th>
              <th scope="col">Lieu</th>
              <th scope="col">Animation</th>
              <th scope="col">Points</th>
              <th scope="col">Convoqués</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/commissions/${m.id}`}>Séance du {formatDay(m.heldOn)}</Link>
                </td>
                <td>
                  {formatTime(m.startsAt)} – {formatTime(m.endsAt)}
                </td>
                <td>{m.place}</td>
                <td>{m.animateur.displayName}</td>
                <td>{m.itemCount}</td>
                <td>{m.convenedCount}</td>
                <td>
                  <MeetingBadge state={m.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
    </section>
  );
}
