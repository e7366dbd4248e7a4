import { useState } from 'react';
import { GUEST_CATEGORIES, type GuestCategory } from '../../../../electron/shared/clsm-vocabulary';
import type { Civility } from '../../../../electron/shared/french';
import { api, GuestView } from '../../api';
import { CIVILITY_OPTIONS } from '../../civilities';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { optionsOf } from '../../labels';

const EMPTY = { civility: 'unspecified', lastName: '', firstName: '', organisation: '', role: '', category: '', email: '' };

/** Someone from outside the directory (an élu, an association, a person with lived experience…). */
export function GuestDialog({ onSaved, onCancel }: { onSaved: (guest: GuestView) => void; onCancel: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const draft = useFormDraft({ key: 'clsm-guest:new', value: form, initial: EMPTY, restore: setForm });
  const { busy, error, submit, fieldError } = useApiForm();
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  return (
    <Modal
      title="Nouvelle personne hors annuaire"
      submitLabel="Enregistrer et inviter"
      busy={busy}
      onSubmit={() =>
        void submit(
          () =>
            api.clsm.saveGuest({
              civility: form.civility as Civility,
              lastName: form.lastName,
              firstName: form.firstName,
              organisation: form.organisation,
              role: form.role,
              category: form.category as GuestCategory,
              email: form.email,
            }),
          async (guest) => {
            await draft.clear();
            onSaved(guest);
          },
        )
      }
      onCancel={() => void draft.abandon().then((gone) => gone && onCancel())}
    >
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <SelectField
        label="Catégorie"
        value={form.category}
        onChange={set('category')}
        placeholder="Choisir"
        options={optionsOf(GUEST_CATEGORIES)}
        error={fieldError('category')}
        autoFocusInDialog
      />
      <SelectField
        label="Civilité"
        value={form.civility}
        onChange={set('civility')}
        options={CIVILITY_OPTIONS}
        error={fieldError('civility')}
      />
      <Field label="Nom" value={form.lastName} onChange={(e) => set('lastName')(e.target.value)} error={fieldError('lastName')} />
      <Field label="Prénom" value={form.firstName} onChange={(e) => set('firstName')(e.target.value)} error={fieldError('firstName')} />
      <Field
        label="Organisation (facultatif)"
        hint="Ville, association, GEM…"
        value={form.organisation}
        onChange={(e) => set('organisation')(e.target.value)}
        error={fieldError('organisation')}
      />
      <Field
        label="Fonction ou qualité (facultatif)"
        value={form.role}
        onChange={(e) => set('role')(e.target.value)}
        error={fieldError('role')}
      />
      <Field
        label="Adresse électronique (facultatif)"
        type="email"
        value={form.email}
        onChange={(e) => set('email')(e.target.value)}
        error={fieldError('email')}
      />
    </Modal>
  );
}
