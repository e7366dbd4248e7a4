import { noInput } from '../../services/common/schema';
import { initializeInput } from '../../services/vault/schema';
import type { VaultState } from '../../services/vault';
import type { SessionInfo } from './session';
import { channel, DocumentFile, returns } from './shared';

export interface SetupStatus {
  state: VaultState;
  /** French explanation when the data folder cannot be opened as it is. */
  problem: string | null;
}

export const setupChannels = {
  'setup.status': channel({ input: noInput, access: 'public', effect: 'read', output: returns<SetupStatus>() }),
  'setup.initialize': channel({
    input: initializeInput,
    access: 'public',
    effect: 'write',
    output: returns<{ recoveryKey: string; recoverySheet: DocumentFile; session: SessionInfo }>(),
  }),
};
