import { printAccessReport } from '../../services/retention/access';
import { purgeSituations, retentionOverview } from '../../services/retention/service';
import type { DomainHandlers } from '../dispatcher';

export const retentionHandlers: DomainHandlers<'retention'> = {
  'retention.candidates': (ctx) => retentionOverview(ctx),
  'retention.purge': purgeSituations,
  'retention.accessReport': printAccessReport,
};
