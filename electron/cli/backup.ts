// The backup commands of the admin CLI: hospital IT makes, checks and restores backups without the
// UI, through the same services (decision 014).
import { resolve } from 'node:path';
import { AppError } from '../errors';
import { assertKeyCurrent } from './guards';
import { backupTo, BackupSummary } from '../services/backup/service';
import { restoreBackup, RestoreResult } from '../services/backup/restore';
import { BackupSecret, verifyBackup, VerifiedBackup } from '../services/backup/verify';
import { sessionContext } from '../services/context';
import { serviceHooks } from '../services/hooks';
import { Vault } from '../services/vault';
import type { TemporaryPassword } from '../services/vault/rotation';

type KeyRotation = { recoveryKey: string; temporaryPasswords: TemporaryPassword[] };
import { systemClock } from '../shared/dates';

/** `backup --data DIR --to SHAREDIR`: a coordinator's password opens the base and is asked again. */
export async function backupCommand(dataDir: string, shareDir: string, password: string): Promise<BackupSummary> {
  const vault = new Vault({ dataDir });
  const session = await vault.unlock(null, password);
  try {
    if (session.role !== 'coordinator') throw new AppError('FORBIDDEN');
    assertKeyCurrent(vault);
    return await backupTo(sessionContext(vault, systemClock, serviceHooks), resolve(shareDir), password, 'cli');
  } finally {
    vault.lock('shutdown');
  }
}

export function verifyCommand(path: string, secret: BackupSecret): Promise<VerifiedBackup> {
  return verifyBackup(resolve(path), secret);
}

/**
 * `restore FILE --data DIR`: into a new folder, or over an existing one whose files are kept as a
 * safety copy beside them. The app must be closed on that folder meanwhile (said in the usage).
 */
export async function restoreCommand(
  path: string,
  dataDir: string,
  secret: BackupSecret,
): Promise<RestoreResult & { rotation: KeyRotation | null }> {
  const restored = await restoreBackup(resolve(path), secret, resolve(dataDir), { clock: systemClock, requireCoordinator: true });
  if (!restored.revocation.rotationRequired || !('password' in secret) || restored.backup.login === null)
    return { ...restored, rotation: null };
  // The coordinator's password is at hand: the rotation the restore requires is done at once.
  const vault = new Vault({ dataDir: resolve(dataDir) });
  await vault.unlock(restored.backup.login, secret.password);
  try {
    const rotation = await vault.exclusive(() => vault.rotateKey(restored.backup.login!, secret.password));
    return { ...restored, rotation };
  } finally {
    vault.lock('shutdown');
  }
}

/** What a restore says of the revocations it re-applied, in French; empty when none. */
export function revocationText(restored: RestoreResult & { rotation: KeyRotation | null }): string[] {
  const { revocation, rotation } = restored;
  if (revocation.otherDatabase)
    return ['Cette sauvegarde vient d’une autre base que celle du dossier : la base précédente est gardée dans la copie de sécurité.'];
  if (!revocation.rotationRequired) return [];
  const lines = [
    ...(revocation.predatesRotation ? ['Cette sauvegarde est antérieure à un changement de clé de chiffrement.'] : []),
    ...(revocation.revoked.length > 0
      ? [
          `Comptes désactivés depuis la sauvegarde, désactivés à nouveau : ${revocation.revoked
            .map((u) => `${u.displayName} (${u.login})`)
            .join(', ')}.`,
        ]
      : []),
  ];
  if (!rotation) return [...lines, 'Changez la clé maintenant (rekey) : aucune autre commande ne fonctionne avant.'];
  return [
    ...lines,
    'Clé de chiffrement changée : les anciennes copies du trousseau n’ouvrent plus la base.',
    'Nouvelle clé de récupération — imprimez-la et rangez-la au coffre ; elle ne sera plus affichée :',
    `  ${rotation.recoveryKey}`,
    ...(rotation.temporaryPasswords.length
      ? [
          'Mots de passe provisoires (à changer au prochain déverrouillage) :',
          ...rotation.temporaryPasswords.map((t) => `  ${t.login} : ${t.password}`),
        ]
      : ['Aucun autre compte actif.']),
  ];
}

export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `  ${table} : ${n}`)
    .join('\n');
}
