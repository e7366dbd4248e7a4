import { accessReportInput, purgeInput } from '../../services/retention/schema';
import type { PurgeCandidate } from '../../services/retention/candidates';
import type { PurgeResult, RetentionOverview } from '../../services/retention/service';
import { noInput } from '../../services/common/schema';
import { channel, DocumentFile, returns } from './shared';

export const retentionChannels = {
  'retention.candidates': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<RetentionOverview>() }),
  'retention.purge': channel({ input: purgeInput, access: ['coordinator'], effect: 'write', output: returns<PurgeResult>() }),
  'retention.accessReport': channel({ input: accessReportInput, access: ['coordinator'], effect: 'read', output: returns<DocumentFile>() }),
};

export type { PurgeCandidate, PurgeResult, RetentionOverview };
