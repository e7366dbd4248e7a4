import { auditListInput } from '../../services/audit/schema';
import type { JournalPage } from '../../services/audit/describe';
import type { AuditVerification } from '../../services/audit/verify';
import { noInput } from '../../services/common/schema';
import { z } from 'zod';
import type { ArchiveResult } from '../../services/audit/archive';
import { auditExportInput } from '../../services/audit/export';
import type { ArchiveStatus } from '../../services/audit/archive-status';
import { confirmationSchema } from '../../services/users/schema';
import { channel, DocumentFile, returns } from './shared';

export const auditChannels = {
  'audit.list': channel({
    input: auditListInput,
    access: ['coordinator'],
    effect: 'read',
    output: returns<JournalPage>(),
  }),
  'audit.verify': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<AuditVerification>() }),
  'audit.export': channel({ input: auditExportInput, access: ['coordinator'], effect: 'read', output: returns<DocumentFile>() }),
  'audit.archiveStatus': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<ArchiveStatus>() }),
  'audit.archive': channel({
    input: z.object({ actorPassword: confirmationSchema }).strict(),
    access: ['coordinator'],
    effect: 'write',
    output: returns<ArchiveResult>(),
  }),
};

export type { ArchiveResult, ArchiveStatus };
