import { FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { NewRecoveryKey } from '../../components/NewRecoveryKey';
import { useApiForm } from '../../components/useApiForm';

const lines = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

export function SettingsPage() {
  const [form, setForm] = useState({
    establishmentName: '',
    autoLockMinutes: '10',
    reconfirm: '12',
    typologies: '',
    responses: '',
    knowledge: '',
    followUpMonths: '6',
    contact: '',
    backupShare: '',
    backupKeep: '5',
    backupReminderDays: '365',
    retentionMonths: '24',
    unconsentedMonths: '3',
    minutesMonths: '24',
    dpoContact: '',
    auditRetentionMonths: '36',
  });
  const [saved, setSaved] = useState(false);
  const [recovery, setRecovery] = useState<'closed' | 'open' | 'done'>('closed');
  const { busy, error, setError, submit, fieldError } = useApiForm();
  const recoveryHeading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // The recovery-key banner links here: the section is at the bottom, so land on it.
  useEffect(() => {
    if (hash !== '#cle-de-recuperation') return;
    recoveryHeading.current?.scrollIntoView({ block: 'start' });
    recoveryHeading.current?.focus();
  }, [hash]);
  useEffect(() => {
    void api.settings.get({}).then((r) => {
      if (r.ok)
        setForm({
          establishmentName: r.value.establishmentName,
          autoLockMinutes: String(r.value.autoLockMinutes),
          reconfirm: r.value.consentReconfirmMonths === null ? 'never' : String(r.value.consentReconfirmMonths),
          typologies: r.value.situationTypologies.join('\n'),
          responses: r.value.responseTypologies.join('\n'),
          knowledge: r.value.knowledgeTypologies.join('\n'),
          followUpMonths: String(r.value.followUpReviewMonths),
          contact: r.value.coordinationContact,
          backupShare: r.value.backupShare,
          backupKeep: String(r.value.backupKeep),
          backupReminderDays: String(r.value.backupReminderDays),
          retentionMonths: String(r.value.retentionMonths),
          unconsentedMonths: String(r.value.unconsentedReferralMonths),
          minutesMonths: String(r.value.minutesRetentionMonths),
          dpoContact: r.value.dpoContact,
          auditRetentionMonths: String(r.value.auditRetentionMonths),
        });
      else setError(r.error);
    });
  }, [setError]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const minutes = Number(form.autoLockMinutes);
    void submit(
      () =>
        api.settings.update({
          establishmentName: form.establishmentName,
          autoLockMinutes: minutes,
          consentReconfirmMonths: form.reconfirm === 'never' ? null : Number(form.reconfirm),
          situationTypologies: lines(form.typologies),
          responseTypologies: lines(form.responses),
          knowledgeTypologies: lines(form.knowledge),
          followUpReviewMonths: Number(form.followUpMonths),
          coordinationContact: form.contact,
          backupShare: form.backupShare,
          backupKeep: Number(form.backupKeep),
          backupReminderDays: Number(form.backupReminderDays),
          retentionMonths: Number(form.retentionMonths),
          unconsentedReferralMonths: Number(form.unconsentedMonths),
          minutesRetentionMonths: Number(form.minutesMonths),
          dpoContact: form.dpoContact,
          auditRetentionMonths: Number(form.auditRetentionMonths),
        }),
      () => setSaved(true),
    );
  };
  return (
    <>
      <h1>Paramètres</h1>
      {saved && <Alert kind="success">Paramètres enregistrés.</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      <form onSubmit={onSubmit} className="narrow" noValidate>
        <Field
          label="Nom de l’établissement"
          value={form.establishmentName}
          onChange={(e) => setForm({ ...form, establishmentName: e.target.value })}
          error={fieldError('establishmentName')}
        />
        <Field
          label="Verrouillage automatique après (minutes d’inactivité)"
          type="number"
          min={1}
          max={240}
          value={form.autoLockMinutes}
          onChange={(e) => setForm({ ...form, autoLockMinutes: e.target.value })}
          error={fieldError('autoLockMinutes')}
        />
        <SelectField
          label="Confirmation du consentement de la personne"
          value={form.reconfirm}
          onChange={(reconfirm) => setForm({ ...form, reconfirm })}
          options={[
            { value: 'never', label: 'Jamais : le consentement vaut jusqu’à son retrait' },
            ...[6, 12, 18, 24, 36].map((m) => ({ value: String(m), label: `À confirmer de nouveau après ${m} mois` })),
          ]}
          error={fieldError('consentReconfirmMonths')}
        />
        <TextAreaField
          label="Typologies des situations (une par ligne)"
          hint="Proposées sur la fiche de saisine. Retirer une typologie ne la retire pas des situations qui l’ont déjà."
          value={form.typologies}
          onChange={(typologies) => setForm({ ...form, typologies })}
          error={fieldError('situationTypologies')}
          rows={9}
        />
        <TextAreaField
          label="Typologies des réponses de la Commission (une par ligne)"
          hint="Proposées lors de la délibération de chaque point."
          value={form.responses}
          onChange={(responses) => setForm({ ...form, responses })}
          error={fieldError('responseTypologies')}
          rows={7}
        />
        <TextAreaField
          label="Typologie des connaissances acquises (une par ligne)"
          hint="Proposée dans le questionnaire remis après un atelier ou un stage croisé."
          value={form.knowledge}
          onChange={(knowledge) => setForm({ ...form, knowledge })}
          error={fieldError('knowledgeTypologies')}
          rows={6}
        />
        <Field
          label="Signaler une situation en suivi sans bilan depuis (mois)"
          type="number"
          min={1}
          max={36}
          value={form.followUpMonths}
          onChange={(e) => setForm({ ...form, followUpMonths: e.target.value })}
          error={fieldError('followUpReviewMonths')}
        />
        <Field
          label="Contact de la coordination (imprimé sur les courriers aux personnes)"
          value={form.contact}
          onChange={(e) => setForm({ ...form, contact: e.target.value })}
          error={fieldError('coordinationContact')}
          hint="Par exemple : Coordination du CLSM, 03 87 00 00 00, du lundi au vendredi de 9 h à 17 h."
        />
        <Field
          label="Contact du délégué à la protection des données (imprimé sur la note d’information)"
          value={form.dpoContact}
          onChange={(e) => setForm({ ...form, dpoContact: e.target.value })}
          error={fieldError('dpoContact')}
          hint="Par exemple : Délégué à la protection des données, CH de Jury, 1 rue de Fontenoy, 57070 Metz, dpo@ch-exemple.fr."
        />
        <fieldset>
          <legend>Sauvegardes et conservation des données</legend>
          <Field
            label="Dossier de sauvegarde (partage de l’hôpital)"
            value={form.backupShare}
            onChange={(e) => setForm({ ...form, backupShare: e.target.value })}
            error={fieldError('backupShare')}
            hint="Par exemple : \\serveur\partage\clsm. Seules des copies chiffrées y sont écrites."
          />
          <Field
            label="Nombre de sauvegardes gardées sur le partage"
            type="number"
            min={1}
            max={50}
            value={form.backupKeep}
            onChange={(e) => setForm({ ...form, backupKeep: e.target.value })}
            error={fieldError('backupKeep')}
          />
          <Field
            label="Rappel quand la dernière sauvegarde vérifiée a plus de (jours)"
            type="number"
            min={1}
            max={365}
            value={form.backupReminderDays}
            onChange={(e) => setForm({ ...form, backupReminderDays: e.target.value })}
            error={fieldError('backupReminderDays')}
            hint="365 jours au plus : l’hôpital demande une sauvegarde par an au moins."
          />
          <Field
            label="Effacer les données d’une personne après la clôture et le dernier contact (mois)"
            type="number"
            min={6}
            max={120}
            value={form.retentionMonths}
            onChange={(e) => setForm({ ...form, retentionMonths: e.target.value })}
            error={fieldError('retentionMonths')}
            hint="Référentiel de la CNIL pour l’accompagnement social : 24 mois après le dernier contact."
          />
          <Field
            label="Proposer d’effacer une saisine restée sans consentement après (mois)"
            type="number"
            min={1}
            max={24}
            value={form.unconsentedMonths}
            onChange={(e) => setForm({ ...form, unconsentedMonths: e.target.value })}
            error={fieldError('unconsentedReferralMonths')}
          />
          <Field
            label="Détruire un compte rendu signé après la clôture ou l’effacement de la dernière situation qu’il porte (mois)"
            type="number"
            min={6}
            max={120}
            value={form.minutesMonths}
            onChange={(e) => setForm({ ...form, minutesMonths: e.target.value })}
            error={fieldError('minutesRetentionMonths')}
            hint="Charte, article 6 : le compte rendu n’est gardé que le temps du suivi. Son empreinte reste dans le journal."
          />
          <Field
            label="Archiver les événements du journal d’audit plus anciens que (mois)"
            type="number"
            min={12}
            max={240}
            value={form.auditRetentionMonths}
            onChange={(e) => setForm({ ...form, auditRetentionMonths: e.target.value })}
            error={fieldError('auditRetentionMonths')}
          />
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          Enregistrer
        </button>
      </form>
      <h2 id="cle-de-recuperation" ref={recoveryHeading} tabIndex={-1}>
        Clé de récupération
      </h2>
      {recovery === 'done' && <Alert kind="success">Nouvelle clé de récupération conservée. L’ancienne ne fonctionne plus.</Alert>}
      {recovery === 'open' ? (
        <NewRecoveryKey onDone={() => setRecovery('done')} />
      ) : (
        <>
          <p>Fiche perdue, abîmée, ou confiée à quelqu’un qui quitte l’établissement : générez une nouvelle clé.</p>
          <button type="button" className="secondary" onClick={() => setRecovery('open')}>
            Générer une nouvelle clé de récupération…
          </button>
        </>
      )}
    </>
  );
}
