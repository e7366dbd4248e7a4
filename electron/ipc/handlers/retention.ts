import { printAccessReport } from '../../services/retention/access';
import { destroySignedMinutes, purgeSituations, retentionOverview } from '../../services/retention/service';
import type { DomainHandlers } from '../dispatcher';

export const retentionHandlers: DomainHandlers<'retention'> = {
  'retention.candidates': (ctx) => retentionOverview(ctx),
  'retention.purge': purgeSituations,
  'retention.destroyMinutes': destroySignedMinutes,
  'retention.accessReport': printAccessReport,
};
