import { accessReportInput, destroyMinutesInput, purgeInput } from '../../services/retention/schema';
import type { PurgeCandidate } from '../../services/retention/candidates';
import type { MinutesCandidate } from '../../services/retention/minutes';
import type { DestroyResult, PurgeResult, RetentionOverview } from '../../services/retention/service';
import { noInput } from '../../services/common/schema';
import { channel, DocumentFile, returns } from './shared';

export const retentionChannels = {
  'retention.candidates': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<RetentionOverview>() }),
  'retention.purge': channel({ input: purgeInput, access: ['coordinator'], effect: 'write', output: returns<PurgeResult>() }),
  'retention.destroyMinutes': channel({
    input: destroyMinutesInput,
    access: ['coordinator'],
    effect: 'write',
    output: returns<DestroyResult>(),
  }),
  'retention.accessReport': channel({ input: accessReportInput, access: ['coordinator'], effect: 'read', output: returns<DocumentFile>() }),
};

export type { DestroyResult, MinutesCandidate, PurgeCandidate, PurgeResult, RetentionOverview };
