import { count } from '../../grammar';
import { useCallback, useEffect, useState } from 'react';
import { duringIntendedLock } from '../../app/intended-lock';
import { Link } from 'react-router';
import { api, ApiError, BackupProgress, BackupStatus, BackupSummary, BackupVerification, RestoreSummary } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { PasswordDialog } from '../../components/PasswordDialog';
import { usePasswordAction } from '../../components/usePasswordAction';
import { formatDateTime } from '../../labels';

const STEP_LABELS: Record<BackupProgress['step'], string> = {
  copy: 'Copie chiffrée de la base',
  verify: 'Vérification de la copie (intégrité, nombre de lignes par table)',
  hash: 'Empreinte, trousseau et manifeste',
  finish: 'Mise en place de la sauvegarde',
};

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/** Reminder text, shared with the dashboard. */
export function backupReminderText(reminder: NonNullable<BackupStatus['reminder']>): string {
  return reminder.lastVerifiedAt
    ? `La dernière sauvegarde vérifiée date du ${formatDateTime(reminder.lastVerifiedAt)}, il y a plus de ${reminder.reminderDays} jours.`
    : 'Aucune sauvegarde vérifiée n’a encore été faite.';
}

/**
 * Backups to the hospital share: made on demand (password again, progress shown), verified before
 * they get their name, the last N kept; each can be checked again or restored over the current base
 * (kept as a safety copy), after which the application asks to unlock again.
 */
export function BackupsPage({ onLocked }: { onLocked: (notice: string) => void }) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const password = usePasswordAction({ closeWhileRunning: true });
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [made, setMade] = useState<BackupSummary | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verified, setVerified] = useState<BackupVerification | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const load = useCallback(() => {
    void api.backup.status({}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, []);
  useEffect(load, [load]);
  // While a backup runs, its step is read twice a second (the copy itself may hold the main process).
  useEffect(() => {
    if (!progress) return;
    const timer = setInterval(() => {
      void api.backup.progress({}).then((r) => r.ok && r.value && setProgress(r.value));
    }, 500);
    return () => clearInterval(timer);
  }, [progress]);

  const run = async (actorPassword: string) => {
    setMade(null);
    setVerified(null);
    setError(null);
    setProgress({ step: 'copy', percent: 0 });
    await password.confirm(() => api.backup.run({ actorPassword }), setMade, setError);
    setProgress(null);
    load();
  };

  if (!status) return error ? <ErrorAlert error={error} /> : <p aria-busy="true">Chargement…</p>;
  return (
    <>
      <h1>Sauvegardes</h1>
      {status.reminder && !made && <Alert kind="info">{backupReminderText(status.reminder)} Faites une sauvegarde.</Alert>}
      {made && (
        <Alert kind="success">
          Sauvegarde faite et vérifiée : {made.name} ({megabytes(made.bytes)}, {made.tables} tables comparées,{' '}
          {(made.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s).
          {made.removed.length > 0 &&
            ` ${count(made.removed.length, 'sauvegarde plus ancienne retirée', 'sauvegardes plus anciennes retirées')} du partage.`}
        </Alert>
      )}
      {verified && (
        <Alert kind="success">
          Sauvegarde du {formatDateTime(verified.createdAt)} vérifiée : empreinte, intégrité, {Object.keys(verified.counts).length} tables
          et {verified.auditEvents} événements du journal d’audit conformes.
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      <p>
        Une sauvegarde est une copie <strong>chiffrée</strong> de la base, accompagnée du trousseau de clés et d’un manifeste : elle s’ouvre
        avec le mot de passe d’un utilisateur à la date de la sauvegarde, ou avec la clé de récupération de cette date. Elle est vérifiée
        avant d’être nommée ; une sauvegarde interrompue n’apparaît jamais dans la liste.
      </p>
      <dl className="facts">
        <dt>Dossier de sauvegarde</dt>
        <dd>
          {status.share ? <code>{status.share}</code> : 'Non renseigné'} — <Link to="/administration/parametres">modifier</Link>
        </dd>
        <dt>Sauvegardes gardées</dt>
        <dd>les {status.keep} plus récentes</dd>
        <dt>Dernière sauvegarde vérifiée</dt>
        <dd>{status.lastVerifiedAt ? formatDateTime(status.lastVerifiedAt) : 'aucune'}</dd>
      </dl>
      {status.shareProblem && <Alert>{status.shareProblem}</Alert>}
      {progress ? (
        <div className="progress-block" role="status" aria-live="polite">
          <p>
            Sauvegarde en cours — {STEP_LABELS[progress.step]}… ({progress.percent} %)
          </p>
          <progress max={100} value={progress.percent} aria-label="Avancement de la sauvegarde" />
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={!status.share} onClick={password.open}>
            Sauvegarder maintenant…
          </button>
        </div>
      )}
      {password.asking && (
        <PasswordDialog title="Sauvegarder la base" confirmLabel="Sauvegarder" {...password.dialog} onConfirm={(typed) => void run(typed)}>
          <p>La copie chiffrée sera écrite dans {status.share}, puis ouverte avec la clé de la base pour être vérifiée.</p>
        </PasswordDialog>
      )}
      <h2>Sauvegardes présentes sur le partage</h2>
      {status.backups.length === 0 ? (
        <p className="empty">Aucune sauvegarde dans ce dossier.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Taille</th>
              <th scope="col">Version</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.backups.map((backup) => (
              <tr key={backup.name}>
                <td>{formatDateTime(backup.at)}</td>
                <td>{backup.bytes === null ? 'manifeste illisible' : megabytes(backup.bytes)}</td>
                <td>{backup.appVersion ? `application ${backup.appVersion}, schéma ${backup.schemaVersion}` : '—'}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => setVerifying(backup.name)}>
                    Vérifier…
                  </button>
                  <button type="button" className="danger" onClick={() => setRestoring(backup.name)}>
                    Restaurer…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verifying && (
        <VerifyDialog
          name={verifying}
          onDone={(result) => {
            setVerifying(null);
            setVerified(result);
          }}
          onCancel={() => setVerifying(null)}
        />
      )}
      {restoring && (
        <RestoreDialog
          name={restoring}
          at={status.backups.find((b) => b.name === restoring)?.at ?? ''}
          onRestored={(summary) =>
            onLocked(
              `Sauvegarde restaurée. La base précédente est gardée dans ${summary.safetyCopy ?? 'le dossier des données'}. ` +
                'Déverrouillez avec un mot de passe valable à la date de la sauvegarde.' +
                revocationNotice(summary.revocation),
            )
          }
          onCancel={() => setRestoring(null)}
        />
      )}
    </>
  );
}

/** A password of the backup's date, or its recovery key. */
function SecretFields({ value, onChange, error }: { value: Secret; onChange: (next: Secret) => void; error?: string | undefined }) {
  return (
    <>
      <fieldset className="bare">
        <legend>Ouvrir la sauvegarde avec</legend>
        <label className="checkbox">
          <input type="radio" checked={value.kind === 'password'} onChange={() => onChange({ ...value, kind: 'password' })} /> un mot de
          passe valable à sa date
        </label>
        <label className="checkbox">
          <input type="radio" checked={value.kind === 'recoveryKey'} onChange={() => onChange({ ...value, kind: 'recoveryKey' })} /> sa clé
          de récupération
        </label>
      </fieldset>
      <Field
        label={value.kind === 'password' ? 'Mot de passe de la sauvegarde' : 'Clé de récupération de la sauvegarde'}
        type={value.kind === 'password' ? 'password' : 'text'}
        autoComplete="off"
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
        error={error}
        data-autofocus
      />
    </>
  );
}

interface Secret {
  kind: 'password' | 'recoveryKey';
  text: string;
}
const secretOf = (s: Secret) => (s.kind === 'password' ? { password: s.text } : { recoveryKey: s.text });

function VerifyDialog({ name, onDone, onCancel }: { name: string; onDone: (r: BackupVerification) => void; onCancel: () => void }) {
  const [secret, setSecret] = useState<Secret>({ kind: 'password', text: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const result = await api.backup.verify({ name, secret: secretOf(secret) });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };
  return (
    <Modal
      title="Vérifier une sauvegarde"
      submitLabel="Vérifier"
      busy={busy}
      submitDisabled={secret.text === ''}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <p>
        L’empreinte des fichiers, le manifeste, l’intégrité de la base, le nombre de lignes de chaque table et le journal d’audit sont
        contrôlés.
      </p>
      <SecretFields value={secret} onChange={setSecret} error={error?.message} />
    </Modal>
  );
}

/** What the restore re-applied: the users it disabled again, the key to change at once. */
function revocationNotice(revocation: RestoreSummary['revocation']): string {
  if (revocation.otherDatabase) return ' Attention : cette sauvegarde vient d’une autre base que celle qui a été remplacée.';
  if (!revocation.rotationRequired) return '';
  const why = [
    ...(revocation.predatesRotation ? ['cette sauvegarde est antérieure à un changement de clé de chiffrement'] : []),
    ...(revocation.revoked.length > 0
      ? [`ces comptes, désactivés depuis, le sont à nouveau : ${revocation.revoked.map((u) => u.displayName).join(', ')}`]
      : []),
  ];
  return ` Attention : ${why.join(' ; ')}. La coordination doit changer la clé de chiffrement dès le déverrouillage, avant toute autre opération.`;
}

function RestoreDialog({
  name,
  at,
  onRestored,
  onCancel,
}: {
  name: string;
  at: string;
  onRestored: (summary: RestoreSummary) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [other, setOther] = useState(false);
  const [secret, setSecret] = useState<Secret>({ kind: 'password', text: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const result = await duringIntendedLock(() =>
      api.backup.restore({ name, actorPassword: password, secret: other ? secretOf(secret) : null }),
    );
    setBusy(false);
    if (result.ok) onRestored(result.value);
    else setError(result.error);
  };
  return (
    <Modal
      title="Restaurer une sauvegarde"
      submitLabel="Remplacer la base par cette sauvegarde"
      danger
      busy={busy}
      submitDisabled={password === '' || (other && secret.text === '')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Alert kind="info">
        La base actuelle sera <strong>remplacée</strong> par la sauvegarde du {at ? formatDateTime(at) : name} : ce qui a été saisi depuis
        n’y sera plus. Une copie de sécurité de la base actuelle est gardée dans le dossier des données. La sauvegarde est vérifiée avant
        tout remplacement ; l’application se verrouille ensuite.
      </Alert>
      {error && <ErrorAlert error={error} />}
      <Field
        label="Votre mot de passe (confirmation)"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        data-autofocus
      />
      <label className="checkbox">
        <input type="checkbox" checked={other} onChange={(e) => setOther(e.target.checked)} /> La sauvegarde s’ouvre avec un autre mot de
        passe ou avec sa clé de récupération
      </label>
      {other && <SecretFields value={secret} onChange={setSecret} />}
    </Modal>
  );
}
