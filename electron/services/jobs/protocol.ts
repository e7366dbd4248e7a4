// What the main process and the jobs worker say to each other. Keys travel as bytes and are wiped
// by the worker once used; results are plain data (no functions, no handles).
import type { AuditHead, TableCounts } from '../backup/contents';
import type { BackupManifest } from '../backup/manifest';
import type { AuditHeadMark } from '../audit/verify';
import type { Role } from '../../shared/vocabulary';

export interface JobTypes {
  /** A backup's fresh copy: made self-contained, checked, counted, its trail verified from the mark. */
  checkCopy: {
    input: {
      copyPath: string;
      masterKey: Uint8Array;
      expectedHead: Omit<AuditHead, 'count'>;
      from: AuditHeadMark | null;
      databaseId: string | null;
    };
    output: { counts: TableCounts; head: AuditHeadMark; auditCount: number };
  };
  /** A backup on the share, once its manifest, hashes and key are checked: the database itself. */
  verifyBackupDatabase: {
    input: {
      dbPath: string;
      masterKey: Uint8Array;
      manifest: BackupManifest;
      databaseId: string | null;
      login: string | null;
      /** Incremental from this mark (a restore's second look at what it just verified), else full. */
      from: AuditHeadMark | null;
    };
    output: { counts: TableCounts; auditEvents: number; head: AuditHeadMark; role: Role | null };
  };
}

export type JobName = keyof JobTypes;
export type JobInput<N extends JobName> = JobTypes[N]['input'];
export type JobOutput<N extends JobName> = JobTypes[N]['output'];

export type JobMessage =
  { type: 'progress'; fraction: number } | { type: 'done'; value: unknown } | { type: 'error'; code: string; message: string | null };
