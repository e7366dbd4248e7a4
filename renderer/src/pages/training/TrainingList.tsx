import { Link } from 'react-router';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useList } from '../../components/useList';
import { formatDay } from '../../labels';
import { TRAINING_KINDS, TRAINING_STATUSES } from '../../../../electron/shared/training-vocabulary';

export const trainingDates = (t: { startsOn: string; endsOn: string }) =>
  t.startsOn === t.endsOn ? formatDay(t.startsOn) : `du ${formatDay(t.startsOn)} au ${formatDay(t.endsOn)}`;

export function TrainingList({ canEdit }: { canEdit: boolean }) {
  const { items, error } = useList(() => api.training.list({}), []);
  return (
    <section>
      <h1>Ateliers et stages croisés</h1>
      {error && <Alert>{error}</Alert>}
      {canEdit && (
        <div className="actions">
          <Link className="button primary" to="/formation/sessions/nouvelle">
            Nouvel atelier ou stage
          </Link>
        </div>
      )}
      {items && items.length === 0 && (
        <p className="empty">Aucun atelier ni stage pour l’instant : enregistrez le premier dès qu’il est prévu.</p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Ateliers et stages croisés</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col">Type</th>
              <th scope="col">Dates</th>
              <th scope="col">Statut</th>
              <th scope="col">Participants</th>
              <th scope="col">Questionnaires</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/formation/sessions/${t.id}`}>{t.theme}</Link>
                </td>
                <td>{TRAINING_KINDS[t.kind]}</td>
                <td>{trainingDates(t)}</td>
                <td>{TRAINING_STATUSES[t.status]}</td>
                <td>{t.participantCount}</td>
                <td>{t.questionnaireCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
