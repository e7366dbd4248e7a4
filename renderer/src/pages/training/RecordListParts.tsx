// The pieces the lists edited in place share (the CLSM's meetings, the common tools).

/** A row's « Modifier » and « Supprimer » buttons. */
export function EditRemoveCell({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => void }) {
  return (
    <td className="row-actions">
      <button type="button" className="secondary" onClick={onEdit}>
        Modifier
      </button>
      <button type="button" className="secondary" onClick={onRemove}>
        Supprimer
      </button>
    </td>
  );
}

/** The form's submit button, and « Annuler » while a row is being changed. */
export function SaveOrCancel({ label, busy, editing, onCancel }: { label: string; busy: boolean; editing: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      {editing && (
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      )}
    </div>
  );
}
