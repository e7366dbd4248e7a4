// What the admin CLI checks after an unlock, like the dispatcher does for the app: after a restore
// that brought back an older key or revoked users, only `rekey` works until the key is changed.
import { AppError } from '../errors';
import { readSetting } from '../services/settings/settings';
import type { Vault } from '../services/vault';

export function assertKeyCurrent(vault: Vault): void {
  if (readSetting(vault.database(), 'keyRotationRequired') !== null) throw new AppError('KEY_ROTATION_REQUIRED');
}
