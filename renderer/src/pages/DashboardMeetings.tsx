import { Link } from 'react-router';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { useLoaded } from '../components/useList';
import { formatDay, formatLongDay, formatTime, MEETING_STATES } from '../labels';
import { MoreRows } from '../components/MoreRows';

/** The next meeting and its readiness, overdue actions, situations in follow-up left without review. */
export function DashboardMeetings() {
  const { value: board, error } = useLoaded(() => api.meetings.dashboard({}), []);
  return (
    <section aria-labelledby="dashboard-meetings">
      <h2 id="dashboard-meetings">Commissions et suivi</h2>
      {error && <Alert>{error}</Alert>}
      {board && (
        <div className="dashboard-groups">
          <section className="card wide">
            <h3>Prochaine séance</h3>
            {board.next ? (
              <>
                <p>
                  <Link to={`/commissions/${board.next.id}`}>{formatLongDay(board.next.heldOn)}</Link>, de {formatTime(board.next.startsAt)}{' '}
                  à {formatTime(board.next.endsAt)} — {board.next.place} ({MEETING_STATES[board.next.state].toLowerCase()})
                </p>
                <ul>
                  <li>
                    {board.next.readiness.items} point{board.next.readiness.items > 1 ? 's' : ''} à l’ordre du jour
                    {board.next.readiness.blockedItems > 0 &&
                      ` — ${board.next.readiness.blockedItems} ne remplissent plus les conditions préalables`}
                  </li>
                  <li>
                    {board.next.readiness.convened
                      ? `${board.next.readiness.convenedCount} membres convoqués`
                      : 'Convocations non envoyées'}
                  </li>
                  {board.next.readiness.unsignedAttendees.length > 0 && (
                    <li>Charte en vigueur non signée : {board.next.readiness.unsignedAttendees.map((u) => u.displayName).join(', ')}</li>
                  )}
                </ul>
              </>
            ) : (
              <p className="empty">
                Aucune séance planifiée. <Link to="/commissions/nouvelle">Planifier une séance</Link>
              </p>
            )}
          </section>
          <section className="card wide">
            <h3>
              <Link to="/commissions/suivi">Actions en retard</Link> ({board.overdueCount})
            </h3>
            {board.overdueActions.length === 0 ? (
              <p className="empty">
                Aucune action en retard{board.dueSoonActions > 0 ? ` ; ${board.dueSoonActions} à échéance dans les 14 jours` : ''}.
              </p>
            ) : (
              <ul>
                {board.overdueActions.map((a) => (
                  <li key={a.id}>
                    {a.code} — {a.what} ({a.owner.name}), échéance le {formatDay(a.dueOn)}
                  </li>
                ))}
              </ul>
            )}
            <MoreRows
              shown={board.overdueActions.length}
              total={board.overdueCount}
              to="/commissions/suivi"
              label="voir le suivi des actions"
            />
          </section>
          <section className="card wide">
            <h3>Situations en suivi sans bilan récent ({board.staleCount})</h3>
            {board.staleFollowUps.length === 0 ? (
              <p className="empty">Toutes les situations en suivi ont été revues récemment.</p>
            ) : (
              <ul>
                {board.staleFollowUps.map((s) => (
                  <li key={s.situationId}>
                    <Link to={`/situations/${s.situationId}`}>{s.code}</Link> — {s.structureName}, dernier bilan le{' '}
                    {formatDay(s.lastReview)}
                  </li>
                ))}
              </ul>
            )}
            <MoreRows shown={board.staleFollowUps.length} total={board.staleCount} />
          </section>
        </div>
      )}
    </section>
  );
}
