import { auditListInput } from '../../services/audit/schema';
import type { DescribedEvent } from '../../services/audit/describe';
import type { AuditVerification } from '../../services/audit/trail';
import { noInput } from '../../services/common/schema';
import { channel, returns } from './shared';

export const auditChannels = {
  'audit.list': channel({
    input: auditListInput,
    access: ['coordinator'],
    effect: 'read',
    output: returns<{ events: DescribedEvent[]; total: number }>(),
  }),
  'audit.verify': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<AuditVerification>() }),
};
