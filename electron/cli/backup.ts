// The backup commands of the admin CLI: hospital IT makes, checks and restores backups without the
// UI, through the same services (decision 014).
import { resolve } from 'node:path';
import { AppError } from '../errors';
import { backupTo, BackupSummary } from '../services/backup/service';
import { restoreBackup, RestoreResult } from '../services/backup/restore';
import { BackupSecret, verifyBackup, VerifiedBackup } from '../services/backup/verify';
import { sessionContext } from '../services/context';
import { Vault } from '../services/vault';
import { systemClock } from '../shared/dates';

/** `backup --data DIR --to SHAREDIR`: a coordinator's password opens the base and is asked again. */
export async function backupCommand(dataDir: string, shareDir: string, password: string): Promise<BackupSummary> {
  const vault = new Vault({ dataDir });
  const session = await vault.unlock(null, password);
  try {
    if (session.role !== 'coordinator') throw new AppError('FORBIDDEN');
    return await backupTo(sessionContext(vault, systemClock), resolve(shareDir), password, 'cli');
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
export function restoreCommand(path: string, dataDir: string, secret: BackupSecret): Promise<RestoreResult> {
  return restoreBackup(resolve(path), secret, resolve(dataDir), { clock: systemClock, requireCoordinator: true });
}

export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `  ${table} : ${n}`)
    .join('\n');
}
