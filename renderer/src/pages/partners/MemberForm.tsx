import { CIVILITY_OPTIONS } from '../../civilities';
import type { Civility } from '../../../../electron/shared/french';
import { useState } from 'react';
import { CATEGORIES, Category, Membership, MEMBERSHIPS } from '../../../../electron/shared/vocabulary';
import { api, ApiError, MemberSummary, StructureChoice } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function MemberForm(props: {
  member: MemberSummary | null;
  structures: StructureChoice[];
  onSaved: (m: MemberSummary) => void;
  onCancel: () => void;
}) {
  const m = props.member;
  const [form, setForm] = useState({
    structureId: m ? String(m.structureId) : '',
    civility: m?.civility ?? 'unspecified',
    lastName: m?.lastName ?? '',
    firstName: m?.firstName ?? '',
    function: m?.function ?? '',
    category: m?.category ?? '',
    email: m?.email ?? '',
    phone: m?.phone ?? '',
    membership: m?.membership ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const save = async () => {
    setBusy(true);
    // A choice left empty is sent as such: the main process answers with the field's French message.
    const result = await api.partners.saveMember({
      ...(m ? { id: m.id } : {}),
      ...form,
      category: form.category as Category,
      civility: form.civility,
      membership: form.membership as Membership,
      structureId: form.structureId ? Number(form.structureId) : (undefined as unknown as number),
    });
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setError(result.error);
  };
  const fieldError = (name: string) => error?.fields?.[name];
  return (
    <Modal
      title={m ? `Modifier « ${m.displayName} »` : 'Nouveau membre'}
      submitLabel="Enregistrer"
      busy={busy}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      {props.structures.length === 0 && <Alert kind="info">Créez d’abord la structure du membre.</Alert>}
      <SelectField
        label="Structure"
        value={form.structureId}
        onChange={(structureId) => setForm({ ...form, structureId })}
        options={props.structures.filter((s) => s.active || s.id === m?.structureId).map((s) => ({ value: String(s.id), label: s.name }))}
        error={fieldError('structureId')}
        placeholder="Choisissez une structure…"
        autoFocusInDialog={!m}
      />
      <SelectField
        label="Civilité (pour les attestations et l’acte d’engagement)"
        value={form.civility}
        onChange={(civility) => setForm({ ...form, civility: civility as Civility })}
        options={CIVILITY_OPTIONS}
        error={fieldError('civility')}
      />
      {/* A new member starts from the structure (the dialog's first field); a correction, from the name. */}
      <Field
        label="Nom"
        value={form.lastName}
        onChange={set('lastName')}
        error={fieldError('lastName')}
        required
        {...(m ? { 'data-autofocus': true } : {})}
      />
      <Field label="Prénom" value={form.firstName} onChange={set('firstName')} error={fieldError('firstName')} required />
      <Field label="Fonction" value={form.function} onChange={set('function')} error={fieldError('function')} />
      <SelectField
        label="Catégorie professionnelle"
        value={form.category}
        onChange={(category) => setForm({ ...form, category: category })}
        options={options(CATEGORIES)}
        error={fieldError('category')}
        placeholder="Choisissez une catégorie…"
      />
      <Field label="Courriel" type="email" value={form.email} onChange={set('email')} error={fieldError('email')} />
      <Field label="Téléphone" type="tel" value={form.phone} onChange={set('phone')} error={fieldError('phone')} />
      <SelectField
        label="Type de membre"
        value={form.membership}
        onChange={(membership) => setForm({ ...form, membership: membership })}
        options={options(MEMBERSHIPS)}
        error={fieldError('membership')}
        placeholder="Choisissez le type de membre…"
      />
    </Modal>
  );
}
