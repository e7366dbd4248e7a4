import { FormEvent, useMemo, useState } from 'react';
import { PLAN_REVIEW_ROLES, PLAN_STATUSES, type PlanReviewRole } from '../../../../electron/shared/clsm-vocabulary';
import { api, ClsmMeetingDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';
import { useLoaded } from '../../components/useList';
import { formatDay, optionsOf } from '../../labels';
import type { Changed } from './meeting';

/** The plan's actions this meeting decided or reviewed: the minutes list them (seed 001's indicator follows them). */
export function ReviewsPanel({ meeting, onChanged }: { meeting: ClsmMeetingDetail; onChanged: Changed }) {
  const plan = useLoaded(() => api.clsm.plan({}), null);
  const initial = useMemo(
    () => Object.fromEntries(meeting.reviews.map((r) => [r.actionId, r.role])) as Record<number, PlanReviewRole>,
    [meeting.reviews],
  );
  const [roles, setRoles] = useState(initial);
  const { busy, error, submit } = useApiForm();
  const actions = plan.value?.actions ?? [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        api.clsm.saveReviews({
          meetingId: meeting.id,
          reviews: Object.entries(roles).map(([actionId, role]) => ({ actionId: Number(actionId), role })),
        }),
      (fresh) => onChanged(fresh, `Actions du plan examinées : ${fresh.reviews.length}.`),
    );
  };
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="reviews-title">
      <h2 id="reviews-title">Actions du plan examinées</h2>
      {error && <ErrorAlert error={error} />}
      {plan.value && actions.length === 0 && <p className="empty">Le plan d’action est vide (Instances du CLSM › Plan d’action).</p>}
      {actions.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Actions du plan</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Axe</th>
              <th scope="col">Échéance</th>
              <th scope="col">Dans cette réunion</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.title}
                  <div className="muted">{PLAN_STATUSES[a.status]}</div>
                </td>
                <td>{a.axis}</td>
                <td>{formatDay(a.dueOn)}</td>
                <td>
                  <SelectField
                    label={`Dans cette réunion — ${a.title}`}
                    value={roles[a.id] ?? ''}
                    onChange={(value) => {
                      const next = { ...roles };
                      if (value) next[a.id] = value as PlanReviewRole;
                      else delete next[a.id];
                      setRoles(next);
                    }}
                    options={[{ value: '', label: 'Non abordée' }, ...optionsOf(PLAN_REVIEW_ROLES)]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.length > 0 && (
        <button type="submit" className="primary" disabled={busy}>
          Enregistrer les actions examinées
        </button>
      )}
    </form>
  );
}
