import { useState } from 'react';
import type { MemberChoice } from '../../api';
import { MemberPicker, memberLabel } from '../../components/MemberPicker';

/** Why a member may not be convened or invited (G3), shown beside the name, never offered. */
export const charterBlock = (m: MemberChoice) => (m.charterSigned ? null : 'charte non signée : ne peut pas être convoqué');

/**
 * Member check boxes: the members proposed (the permanent members for a convocation, the invitees
 * already recorded for an item), and any other member added by searching the directory — added
 * members come in checked. Members who may not attend (G3) are shown, not offered.
 */
export function MemberChecklist({
  legend,
  proposed,
  chosen,
  onChange,
  idPrefix,
  excludeIds = [],
  emptyText,
}: {
  legend: string;
  proposed: MemberChoice[];
  chosen: number[];
  onChange: (chosen: number[]) => void;
  idPrefix: string;
  /** Members not to offer again (already convened). */
  excludeIds?: number[];
  emptyText: string;
}) {
  const [added, setAdded] = useState<MemberChoice[]>([]);
  const listed = [...proposed, ...added.filter((a) => !proposed.some((p) => p.id === a.id))];
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {listed.length === 0 && <p className="empty">{emptyText}</p>}
      {listed.map((m) => {
        const blocked = charterBlock(m);
        return (
          <div className="checkbox" key={m.id}>
            <input
              id={`${idPrefix}-${m.id}`}
              type="checkbox"
              disabled={blocked !== null}
              checked={chosen.includes(m.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))}
            />
            <label htmlFor={`${idPrefix}-${m.id}`}>
              {memberLabel(m)}
              {blocked && <span className="muted"> ({blocked})</span>}
            </label>
          </div>
        );
      })}
      <MemberPicker
        label="Ajouter un membre de l’annuaire"
        hint="Le membre choisi est ajouté à la liste, coché."
        value=""
        clearOnChoose
        excludeIds={[...excludeIds, ...listed.map((m) => m.id)]}
        blockedReason={charterBlock}
        onChange={(_, member) => {
          if (!member) return;
          setAdded([...added, member]);
          onChange([...chosen, member.id]);
        }}
      />
    </fieldset>
  );
}
