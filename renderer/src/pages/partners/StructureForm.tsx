import { useState } from 'react';
import { SECTORS, Sector } from '../../../../electron/shared/vocabulary';
import { api, ApiError, StructureSummary } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Modal } from '../../components/Modal';

const SECTOR_OPTIONS = Object.entries(SECTORS).map(([value, label]) => ({ value, label }));

export function StructureForm({
  structure,
  onSaved,
  onCancel,
}: {
  structure: StructureSummary | null;
  onSaved: (s: StructureSummary) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    name: structure?.name ?? '',
    sector: structure?.sector ?? '',
    address: structure?.address ?? '',
    signed: structure ? structure.conventionSignedOn !== null : false,
    conventionSignedOn: structure?.conventionSignedOn ?? '',
    conventionSignatory: structure?.conventionSignatory ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const result = await api.partners.saveStructure({
      ...(structure ? { id: structure.id } : {}),
      name: form.name,
      sector: form.sector as Sector,
      address: form.address,
      conventionSignedOn: form.signed ? form.conventionSignedOn : null,
      conventionSignatory: form.signed ? form.conventionSignatory : null,
    });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };
  const fieldError = (name: string) => error?.fields?.[name];
  return (
    <Modal
      title={structure ? `Modifier « ${structure.name} »` : 'Nouvelle structure'}
      submitLabel="Enregistrer"
      busy={busy}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} fieldsShown />}
      <Field
        label="Nom de la structure"
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={fieldError('name')}
        required
        data-autofocus
      />
      <SelectField
        label="Secteur"
        value={form.sector}
        onChange={(sector) => setForm({ ...form, sector: sector })}
        options={SECTOR_OPTIONS}
        error={fieldError('sector')}
        placeholder="Choisissez un secteur…"
      />
      <Field
        label="Adresse"
        value={form.address}
        onChange={(e) => setForm({ ...form, address: e.target.value })}
        error={fieldError('address')}
      />
      <div className="checkbox">
        <input
          id="structure-convention"
          type="checkbox"
          checked={form.signed}
          onChange={(e) => setForm({ ...form, signed: e.target.checked })}
        />
        <label htmlFor="structure-convention">La structure a signé la convention de partenariat</label>
      </div>
      {form.signed && (
        <>
          <Field
            label="Convention signée le"
            type="date"
            value={form.conventionSignedOn}
            onChange={(e) => setForm({ ...form, conventionSignedOn: e.target.value })}
            error={fieldError('conventionSignedOn')}
            required
          />
          <Field
            label="Signataire de la convention"
            value={form.conventionSignatory}
            onChange={(e) => setForm({ ...form, conventionSignatory: e.target.value })}
            error={fieldError('conventionSignatory')}
            required
          />
        </>
      )}
    </Modal>
  );
}
