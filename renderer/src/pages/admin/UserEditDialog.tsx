import { useState } from 'react';
import { api, ApiError, UserSummary } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { Modal } from '../../components/Modal';
import { CIVILITY_OPTIONS } from '../../civilities';

interface Props {
  user: UserSummary;
  onSaved: (user: UserSummary, message: string) => void;
  onCancel: () => void;
}

/**
 * Corrects a user's display name and civility (printed on letters and signature blocks; documents
 * already signed keep the old name) and, for an animation user, links them to their member record:
 * the minutes of the meetings that member animates are then theirs to approve.
 */
export function UserEditDialog({ user, onSaved, onCancel }: Props) {
  const [form, setForm] = useState({ displayName: user.displayName, civility: user.civility, memberId: String(user.member?.id ?? '') });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    const updated = await api.users.update({ userId: user.id, displayName: form.displayName, civility: form.civility });
    let result = updated;
    const memberId = form.memberId === '' ? null : Number(form.memberId);
    if (updated.ok && user.role === 'animateur' && memberId !== (user.member?.id ?? null))
      result = await api.users.linkMember({ userId: user.id, memberId });
    setBusy(false);
    if (result.ok) onSaved(result.value, `Compte ${result.value.displayName} mis à jour.`);
    else setError(result.error);
  };
  return (
    <Modal
      title={`Modifier le compte ${user.login}`}
      submitLabel="Enregistrer"
      busy={busy}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      <Field
        label="Nom affiché"
        data-autofocus
        hint="Imprimé sur les courriers et les signatures. Les documents déjà signés gardent l’ancien nom."
        value={form.displayName}
        onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        error={error?.fields?.displayName}
      />
      <SelectField
        label="Civilité"
        value={form.civility}
        onChange={(civility) => setForm({ ...form, civility: civility as UserSummary['civility'] })}
        options={CIVILITY_OPTIONS}
      />
      {user.role === 'animateur' && (
        <MemberPicker
          label="Fiche de membre de cet animateur"
          hint="Laissez vide si l’animateur n’a pas de fiche dans l’annuaire."
          value={form.memberId}
          onChange={(memberId) => setForm({ ...form, memberId })}
          optional
        />
      )}
    </Modal>
  );
}
