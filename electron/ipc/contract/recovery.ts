import { noInput } from '../../services/common/schema';
import type { NewRecoveryKey } from '../../services/recovery/recovery';
import { confirmationSchema } from '../../services/users/schema';
import { z } from 'zod';
import { channel, returns } from './shared';

export const recoveryChannels = {
  'recovery.newKey': channel({
    input: z.object({ actorPassword: confirmationSchema }).strict(),
    access: ['coordinator'],
    effect: 'write',
    output: returns<NewRecoveryKey>(),
  }),
  'recovery.confirmStored': channel({ input: noInput, access: ['coordinator'], effect: 'write', output: returns<null>() }),
};

export type { NewRecoveryKey };
