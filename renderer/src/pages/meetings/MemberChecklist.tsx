import type { MemberSummary } from '../../api';

/** A group of member check boxes; members who may not attend (G3) are shown, not offered. */
export function MemberChecklist({
  legend,
  members,
  chosen,
  onChange,
  idPrefix,
}: {
  legend: string;
  members: MemberSummary[];
  chosen: number[];
  onChange: (chosen: number[]) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {members.length === 0 && <p className="empty">Aucun membre actif dans l’annuaire.</p>}
      {members.map((m) => {
        const blocked = m.charterReasons.length > 0;
        return (
          <div className="checkbox" key={m.id}>
            <input
              id={`${idPrefix}-${m.id}`}
              type="checkbox"
              disabled={blocked}
              checked={chosen.includes(m.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))}
            />
            <label htmlFor={`${idPrefix}-${m.id}`}>
              {m.displayName} — {m.structureName}
              {blocked && <span className="muted"> (charte non signée : ne peut pas être convoqué)</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
