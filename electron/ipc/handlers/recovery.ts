import { confirmRecoveryKeyStored, newRecoveryKey } from '../../services/recovery/recovery';
import type { DomainHandlers } from '../dispatcher';

export const recoveryHandlers: DomainHandlers<'recovery'> = {
  'recovery.newKey': newRecoveryKey,
  'recovery.confirmStored': (ctx) => confirmRecoveryKeyStored(ctx),
};
