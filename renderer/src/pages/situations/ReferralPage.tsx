import { CIVILITY_OPTIONS } from '../../civilities';
import { FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { AgeBand, ageBandMismatch, ageMismatchMessage, METZ_COMMUNES } from '../../../../electron/shared/situation-vocabulary';
import { systemClock, today } from '../../../../electron/shared/dates';
import { api, PossibleDuplicate, SituationDetail } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { useList } from '../../components/useList';
import { AGE_BANDS, formatDay, optionsOf } from '../../labels';

const OTHER = '__autre';

function initialForm(s: SituationDetail | null) {
  return {
    receivedOn: s?.receivedOn ?? today(systemClock),
    referringMemberId: s ? String(s.referringMemberId) : '',
    ageBand: s?.ageBand ?? '',
    commune: s ? (s.communeOutside ? OTHER : s.commune) : '',
    otherCommune: s?.communeOutside ? s.commune : '',
    partnersInvolved: s?.partnersInvolved ?? '',
    alreadyTried: s?.alreadyTried ?? '',
    question: s?.question ?? '',
    typology: s?.typology ?? [],
    civility: s?.identity?.civility ?? 'unspecified',
    lastName: s?.identity?.lastName ?? '',
    firstName: s?.identity?.firstName ?? '',
    birthYear: s?.identity ? String(s.identity.birthYear) : '',
    address: s?.identity?.address ?? '',
    phone: s?.identity?.phone ?? '',
  };
}

/** The referral form, new or corrected: nothing typed is lost on a refusal. */
export function ReferralPage({ situation, onSaved }: { situation: SituationDetail | null; onSaved?: (saved: SituationDetail) => void }) {
  const navigate = useNavigate();
  // Inside the situation's page (a correction), the page already has its title.
  const Heading = onSaved ? 'h2' : 'h1';
  const initial = useMemo(() => initialForm(situation), [situation]);
  const [form, setForm] = useState(initial);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const draft = useFormDraft({
    key: situation ? `referral:${situation.id}` : 'referral:new',
    situationId: situation?.id ?? null,
    value: form,
    initial,
    restore: setForm,
  });
  const typologies = useList(() => api.situations.typologies({}), []);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const [acknowledged, setAcknowledged] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();

  // Said while typing, before the main process refuses it: the band and the year must agree.
  const ages =
    form.ageBand && /^\d{4}$/.test(form.birthYear) && form.receivedOn
      ? ageBandMismatch(form.ageBand as AgeBand, Number(form.birthYear), Number(form.receivedOn.slice(0, 4)))
      : null;
  const ageWarning = ages ? ageMismatchMessage(Number(form.birthYear), ages, form.ageBand as AgeBand) : undefined;
  const identityComplete = form.lastName.trim() && form.firstName.trim() && /^\d{4}$/.test(form.birthYear);
  const checkDuplicates = async (): Promise<PossibleDuplicate[]> => {
    if (!identityComplete) return [];
    const result = await api.situations.findDuplicates({
      ...(situation ? { id: situation.id } : {}),
      lastName: form.lastName,
      firstName: form.firstName,
      birthYear: Number(form.birthYear),
    });
    const found = result.ok ? result.value : [];
    setDuplicates(found);
    return found;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = await checkDuplicates();
    if (found.length > 0 && !acknowledged) return;
    const outside = form.commune === OTHER;
    await submit(
      () =>
        api.situations.saveReferral({
          ...(situation ? { id: situation.id } : {}),
          receivedOn: form.receivedOn,
          referringMemberId: Number(form.referringMemberId) || 0,
          ageBand: form.ageBand as AgeBand,
          commune: outside ? form.otherCommune : form.commune,
          communeOutside: outside,
          partnersInvolved: form.partnersInvolved,
          alreadyTried: form.alreadyTried,
          question: form.question,
          typology: form.typology,
          identity: {
            civility: form.civility,
            lastName: form.lastName,
            firstName: form.firstName,
            birthYear: form.birthYear === '' ? Number.NaN : Number(form.birthYear),
            address: form.address,
            phone: form.phone,
          },
          acknowledgeDuplicates: acknowledged,
        }),
      async (saved) => {
        await draft.clear();
        if (onSaved) onSaved(saved);
        else await navigate(`/situations/${saved.id}`, { state: { notice: `Saisine enregistrée sous le code ${saved.code}.` } });
      },
    );
  };

  const offered = [...(typologies.items ?? []), ...form.typology.filter((t) => !(typologies.items ?? []).includes(t))];

  return (
    <section>
      <Heading>{situation ? `Modifier la saisine ${situation.code}` : 'Nouvelle saisine'}</Heading>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown />}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="narrow">
        <fieldset className="group">
          <legend>La saisine</legend>
          <Field
            label="Reçue le"
            type="date"
            value={form.receivedOn}
            onChange={(e) => set({ receivedOn: e.target.value })}
            error={fieldError('receivedOn')}
            required
          />
          <MemberPicker
            label="Professionnel qui saisit la Commission"
            value={form.referringMemberId}
            onChange={(referringMemberId) => set({ referringMemberId })}
            error={fieldError('referringMemberId')}
          />
          <SelectField
            label="Tranche d’âge"
            value={form.ageBand}
            onChange={(ageBand) => set({ ageBand })}
            options={optionsOf(AGE_BANDS)}
            placeholder="Choisissez…"
            error={fieldError('ageBand') ?? ageWarning}
          />
          <SelectField
            label="Commune"
            value={form.commune}
            onChange={(commune) => set({ commune })}
            options={[...METZ_COMMUNES.map((c) => ({ value: c, label: c })), { value: OTHER, label: 'Autre commune…' }]}
            placeholder="Choisissez une commune…"
            error={form.commune === OTHER ? undefined : fieldError('commune')}
          />
          {form.commune === OTHER && (
            <Field
              label="Nom de l’autre commune"
              value={form.otherCommune}
              onChange={(e) => set({ otherCommune: e.target.value })}
              error={fieldError('commune')}
              required
            />
          )}
        </fieldset>
        <NecessaryText
          label="Partenaires déjà impliqués"
          value={form.partnersInvolved}
          onChange={(partnersInvolved) => set({ partnersInvolved })}
          error={fieldError('partnersInvolved')}
          rows={3}
        />
        <NecessaryText
          label="Ce qui a déjà été essayé"
          value={form.alreadyTried}
          onChange={(alreadyTried) => set({ alreadyTried })}
          error={fieldError('alreadyTried')}
        />
        <NecessaryText
          label="Question posée à la Commission"
          value={form.question}
          onChange={(question) => set({ question })}
          error={fieldError('question')}
          required
        />
        <fieldset className="group">
          <legend>Typologie</legend>
          {offered.map((tag) => (
            <div className="checkbox" key={tag}>
              <input
                id={`typology-${tag}`}
                type="checkbox"
                checked={form.typology.includes(tag)}
                onChange={(e) => set({ typology: e.target.checked ? [...form.typology, tag] : form.typology.filter((t) => t !== tag) })}
              />
              <label htmlFor={`typology-${tag}`}>{tag}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="group">
          <legend>La personne</legend>
          <p className="hint">
            Son identité est conservée à part : seules la coordination et l’animation la voient, sur la page de la situation.
          </p>
          <SelectField
            label="Civilité (pour le courrier : « Madame, », « Monsieur, »)"
            value={form.civility}
            onChange={(civility) => set({ civility: civility as typeof form.civility })}
            options={CIVILITY_OPTIONS}
            error={fieldError('identity.civility')}
          />
          <Field
            label="Nom de la personne"
            value={form.lastName}
            onChange={(e) => set({ lastName: e.target.value })}
            onBlur={() => void checkDuplicates()}
            error={fieldError('identity.lastName')}
            required
          />
          <Field
            label="Prénom de la personne"
            value={form.firstName}
            onChange={(e) => set({ firstName: e.target.value })}
            onBlur={() => void checkDuplicates()}
            error={fieldError('identity.firstName')}
            required
          />
          <Field
            label="Année de naissance"
            inputMode="numeric"
            maxLength={4}
            value={form.birthYear}
            onChange={(e) => set({ birthYear: e.target.value.replace(/\D/g, '') })}
            onBlur={() => void checkDuplicates()}
            error={fieldError('identity.birthYear')}
            required
          />
          <Field
            label="Adresse"
            value={form.address}
            onChange={(e) => set({ address: e.target.value })}
            error={fieldError('identity.address')}
          />
          <Field
            label="Téléphone"
            type="tel"
            value={form.phone}
            onChange={(e) => set({ phone: e.target.value })}
            error={fieldError('identity.phone')}
          />
        </fieldset>
        {duplicates.length > 0 && (
          <Alert kind="error">
            Une situation ouverte porte déjà cette identité :{' '}
            {duplicates.map((d) => `${d.code} (reçue le ${formatDay(d.receivedOn)})`).join(', ')}. Vérifiez qu’il ne s’agit pas de la même
            personne.
            <div className="checkbox">
              <input
                id="referral-duplicate-ok"
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
              />
              <label htmlFor="referral-duplicate-ok">J’ai vérifié : il s’agit d’une autre personne</label>
            </div>
          </Alert>
        )}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => void draft.abandon().then((gone) => gone && navigate(situation ? `/situations/${situation.id}` : '/situations'))}
          >
            Annuler
          </button>
          <button type="submit" className="primary" disabled={busy || (duplicates.length > 0 && !acknowledged)}>
            {situation ? 'Enregistrer les modifications' : 'Enregistrer la saisine'}
          </button>
        </div>
      </form>
    </section>
  );
}
