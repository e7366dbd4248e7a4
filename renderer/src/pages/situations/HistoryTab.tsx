import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { useList } from '../../components/useList';
import { formatDateTime, OUTCOME_LABELS } from '../../labels';

/** Everything recorded about the situation: changes, consents, views, prints (G8). */
export function HistoryTab({ situationId, version }: { situationId: number; version: string }) {
  const { items, error } = useList(() => api.situations.history({ id: situationId }), [situationId, version]);
  return (
    <>
      <h2>Historique</h2>
      {error && <Alert>{error}</Alert>}
      {items && (
        <table className="data">
          <caption className="visually-hidden">Historique de la situation</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Par</th>
              <th scope="col">Action</th>
              <th scope="col">Détail</th>
              <th scope="col">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {items.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.at)}</td>
                <td>{h.userName}</td>
                <td>{h.action}</td>
                <td>{h.detailLabel}</td>
                <td>{OUTCOME_LABELS[h.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
