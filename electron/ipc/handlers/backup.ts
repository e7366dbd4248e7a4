import { backupProgress, backupStatus, restoreShareBackup, runBackup, verifyShareBackup } from '../../services/backup/service';
import type { DomainHandlers } from '../dispatcher';

export const backupHandlers: DomainHandlers<'backup'> = {
  'backup.status': (ctx) => backupStatus(ctx),
  'backup.progress': (ctx) => backupProgress(ctx),
  'backup.run': runBackup,
  'backup.verify': verifyShareBackup,
  'backup.restore': restoreShareBackup,
};
