import { useMemo, useState } from 'react';
import {
  AttendanceWish,
  ConsentMode,
  IdentitySharing,
  InformationItem,
  LegalProtection,
  PROTECTION_KIND,
  SCAN_MAX_BYTES,
} from '../../../../electron/shared/situation-vocabulary';
import { CATEGORIES, Category, CATEGORY_SECRECY, SECRECY_LABELS } from '../../../../electron/shared/vocabulary';
import { systemClock, today } from '../../../../electron/shared/dates';
import { api, SituationDetail } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { FilePicker } from '../../components/FilePicker';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { ABANDON_MESSAGE, DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { useList } from '../../components/useList';
import { readAsBase64 } from '../../files';
import { ATTENDANCE_WISHES, CONSENT_MODES, IDENTITY_SHARING, INFORMATION_ITEMS, LEGAL_PROTECTIONS, optionsOf } from '../../labels';

/** A new consent record (immutable once saved), prefilled with the choices of the one in force. */
export function ConsentForm({
  situation,
  onDone,
  onCancel,
}: {
  situation: SituationDetail;
  onDone: (detail: SituationDetail, message: string) => void;
  onCancel: () => void;
}) {
  const previous = situation.consents[0] ?? null;
  const structures = useList(() => api.partners.structureChoices({}), []);
  const initial = useMemo(
    () => ({
      collectedOn: today(systemClock),
      collectedByMemberId: String(situation.referringMemberId),
      mode: 'written',
      witness: '',
      information: { dataCategories: false, professionals: false, supports: false, security: false },
      allowedCategories: previous?.allowedCategories ?? ([] as Category[]),
      excludedStructureIds: previous?.excludedStructures.map((s) => s.id) ?? ([] as number[]),
      identitySharing: previous?.identitySharing ?? '',
      legalProtection: previous?.legalProtection ?? 'none',
      representative: previous?.representative ?? '',
      representativeAddress: previous?.representativeAddress ?? '',
      representativeAgreement: false,
      attendance: previous?.attendance ?? '',
      attendanceRepresentative: previous?.attendanceRepresentative ?? '',
    }),
    [situation, previous],
  );
  const [form, setForm] = useState(initial);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  // The fields are kept as a draft; a scan is a file and never part of it.
  const draft = useFormDraft({ key: `consent:${situation.id}`, situationId: situation.id, value: form, initial, restore: setForm });
  const [scan, setScan] = useState<{ name: string; base64: string } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const { busy, error, submit, fieldError } = useApiForm();
  const kind = PROTECTION_KIND[form.legalProtection];

  const save = () => {
    // A refused file is not silently left out: it is replaced, or the coordinator says to save without.
    if (refused) {
      setAttempts((n) => n + 1);
      return;
    }
    void submit(
      () =>
        api.consents.record({
          situationId: situation.id,
          collectedOn: form.collectedOn,
          collectedByMemberId: Number(form.collectedByMemberId) || 0,
          mode: form.mode as ConsentMode,
          witness: form.witness,
          information: form.information,
          allowedCategories: form.allowedCategories,
          excludedStructureIds: form.excludedStructureIds,
          identitySharing: form.identitySharing as IdentitySharing,
          legalProtection: form.legalProtection,
          representative: form.representative,
          representativeAddress: form.representativeAddress,
          representativeAgreement: form.representativeAgreement,
          attendance: form.attendance as AttendanceWish,
          attendanceRepresentative: form.attendanceRepresentative,
          ...(scan ? { scan: scan.base64 } : {}),
        }),
      async (detail) => {
        await draft.clear();
        onDone(
          detail,
          `Consentement enregistré, ${scan ? `formulaire scanné joint (${scan.name})` : 'sans formulaire scanné'}. Il ne peut plus être modifié : un changement se fait par un nouveau consentement.`,
        );
      },
    );
  };

  return (
    <Modal
      title={`Consentement de la personne — ${situation.code}`}
      submitLabel="Enregistrer le consentement"
      busy={busy}
      onSubmit={save}
      cancelConfirmation={draft.dirty ? ABANDON_MESSAGE : undefined}
      onCancel={() => void draft.discard().then(onCancel)}
    >
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <p className="hint">
        Une fois enregistré, le consentement ne se modifie plus : un changement se fait par un nouveau consentement, l’historique est
        conservé.
      </p>
      <Field
        label="Recueilli le"
        type="date"
        value={form.collectedOn}
        onChange={(e) => set({ collectedOn: e.target.value })}
        error={fieldError('collectedOn')}
        data-autofocus
      />
      <MemberPicker
        label="Recueilli par"
        value={form.collectedByMemberId}
        onChange={(collectedByMemberId) => set({ collectedByMemberId })}
        error={fieldError('collectedByMemberId')}
      />
      <SelectField
        label="Forme du consentement"
        value={form.mode}
        onChange={(mode) => set({ mode: mode })}
        options={optionsOf(CONSENT_MODES)}
        error={fieldError('mode')}
      />
      {form.mode === 'oral_witnessed' && (
        <Field
          label="Témoin (nom et fonction)"
          value={form.witness}
          onChange={(e) => set({ witness: e.target.value })}
          error={fieldError('witness')}
          required
        />
      )}
      <fieldset className="group">
        <legend>Informations données à la personne</legend>
        {(Object.keys(INFORMATION_ITEMS) as InformationItem[]).map((item) => (
          <div className="checkbox" key={item}>
            <input
              id={`consent-info-${item}`}
              type="checkbox"
              checked={form.information[item]}
              onChange={(e) => set({ information: { ...form.information, [item]: e.target.checked } })}
            />
            <label htmlFor={`consent-info-${item}`}>{INFORMATION_ITEMS[item]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="group">
        <legend>Professionnels que la personne autorise</legend>
        <p className="hint">
          Dites-le à la personne : les uns sont tenus au secret professionnel par la loi, les autres s’engagent seulement à respecter la
          charte de la Commission.
        </p>
        {(Object.keys(CATEGORIES) as Category[]).map((c) => (
          <div className="checkbox" key={c}>
            <input
              id={`consent-category-${c}`}
              type="checkbox"
              checked={form.allowedCategories.includes(c)}
              onChange={(e) =>
                set({
                  allowedCategories: e.target.checked ? [...form.allowedCategories, c] : form.allowedCategories.filter((x) => x !== c),
                })
              }
            />
            <label htmlFor={`consent-category-${c}`}>
              {CATEGORIES[c]}{' '}
              <span className={CATEGORY_SECRECY[c] === 'charter_only' ? 'secrecy charter-only' : 'secrecy'}>
                — {SECRECY_LABELS[CATEGORY_SECRECY[c]]}
              </span>
            </label>
          </div>
        ))}
        {fieldError('allowedCategories') && <p className="field-error">{fieldError('allowedCategories')}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor="consent-excluded">Structures que la personne refuse (Ctrl + clic pour en choisir plusieurs)</label>
        <select
          id="consent-excluded"
          multiple
          size={5}
          value={form.excludedStructureIds.map(String)}
          onChange={(e) => set({ excludedStructureIds: [...e.target.selectedOptions].map((o) => Number(o.value)) })}
        >
          {(structures.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        label="Ce qui peut être partagé de son identité"
        value={form.identitySharing}
        onChange={(v) => set({ identitySharing: v })}
        options={optionsOf(IDENTITY_SHARING)}
        placeholder="Choisissez…"
        error={fieldError('identitySharing')}
      />
      <SelectField
        label="Mesure de protection juridique"
        value={form.legalProtection}
        onChange={(v) => set({ legalProtection: v as LegalProtection })}
        options={optionsOf(LEGAL_PROTECTIONS)}
        error={fieldError('legalProtection')}
      />
      {kind !== 'none' && (
        <>
          <Field
            label={kind === 'representation' ? 'Représentant légal' : 'Curateur'}
            value={form.representative}
            onChange={(e) => set({ representative: e.target.value })}
            error={fieldError('representative')}
          />
          <TextAreaField
            label="Son adresse postale (pour la copie du courrier à la personne)"
            rows={3}
            value={form.representativeAddress}
            onChange={(representativeAddress) => set({ representativeAddress })}
            error={fieldError('representativeAddress')}
          />
          <div className="checkbox">
            <input
              id="consent-representative"
              type="checkbox"
              checked={form.representativeAgreement}
              onChange={(e) => set({ representativeAgreement: e.target.checked })}
            />
            <label htmlFor="consent-representative">
              {kind === 'representation' ? 'Le représentant légal a donné son accord' : 'La personne a consenti assistée de son curateur'}
            </label>
          </div>
        </>
      )}
      <SelectField
        label="Souhait de la personne pour la séance"
        value={form.attendance}
        onChange={(v) => set({ attendance: v })}
        options={optionsOf(ATTENDANCE_WISHES)}
        placeholder="Choisissez…"
        error={fieldError('attendance')}
      />
      {form.attendance === 'represented' && (
        <Field
          label="Représentée par"
          value={form.attendanceRepresentative}
          onChange={(e) => set({ attendanceRepresentative: e.target.value })}
          error={fieldError('attendanceRepresentative')}
          required
        />
      )}
      <FilePicker
        label="Formulaire signé, numérisé (facultatif : PDF, JPEG ou PNG, 10 Mo au plus)"
        accept="application/pdf,image/jpeg,image/png"
        maxBytes={SCAN_MAX_BYTES}
        error={refused ?? fieldError('scan')}
        refocus={attempts}
        onFile={(file) => {
          setRefused(null);
          void readAsBase64(file).then((base64) => setScan({ name: file.name, base64 }));
        }}
        onRefused={(message) => {
          setScan(null);
          setRefused(`${message} Choisissez un autre fichier, ou enregistrez sans formulaire scanné.`);
        }}
      />
      {refused && (
        <button type="button" className="secondary" onClick={() => setRefused(null)}>
          Enregistrer sans formulaire scanné
        </button>
      )}
      {scan && (
        <p role="status">
          Fichier prêt à être joint : {scan.name}{' '}
          <button type="button" className="secondary" onClick={() => setScan(null)}>
            Retirer
          </button>
        </p>
      )}
    </Modal>
  );
}
