import { noInput, restoreBackupInput, runBackupInput, verifyBackupInput } from '../../services/backup/schema';
import type { BackupProgress } from '../../services/backup/create';
import type { BackupStatus, BackupSummary, BackupVerification, RestoreSummary } from '../../services/backup/service';
import { channel, returns } from './shared';

export const backupChannels = {
  'backup.status': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<BackupStatus>() }),
  'backup.progress': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<BackupProgress | null>() }),
  'backup.run': channel({ input: runBackupInput, access: ['coordinator'], effect: 'job', output: returns<BackupSummary>() }),
  'backup.verify': channel({ input: verifyBackupInput, access: ['coordinator'], effect: 'read', output: returns<BackupVerification>() }),
  'backup.restore': channel({ input: restoreBackupInput, access: ['coordinator'], effect: 'job', output: returns<RestoreSummary>() }),
};

export type { BackupProgress, BackupStatus, BackupSummary, BackupVerification, RestoreSummary };
