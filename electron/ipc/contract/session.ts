import type { Civility } from '../../shared/french';
import { noInput } from '../../services/common/schema';
import { recoverInput, unlockInput } from '../../services/vault/schema';
import type { Role } from '../../shared/vocabulary';
import type { ChannelName } from '../../shared/channels';
import type { BackupReminder } from '../../services/backup/service';
import { channel, returns } from './shared';

/** An area of the application (a menu entry), open to the user or not; decided here, shown by the UI. */
export type Area = 'partners' | 'situations' | 'meetings' | 'clsm' | 'training' | 'evaluation' | 'administration';

export interface SessionInfo {
  userId: number;
  login: string;
  displayName: string;
  /** Printed documents agree with it (« Je soussignée »). */
  civility: Civility;
  role: Role;
  establishmentName: string | null;
  autoLockMinutes: number;
  /** Milliseconds left before the inactivity lock (null when no auto-lock watches): the UI warns at one minute. */
  lockInMs: number | null;
  /** Every channel this user may call: menus, pages and buttons derive from it. */
  allowed: ChannelName[];
  /** The areas this user may open. */
  areas: Area[];
  /** The password was set by someone else: it must be changed before anything else. */
  mustChangePassword: boolean;
  /** The recovery key shown at set-up (or regenerated) is not yet confirmed stored. */
  recoveryKeyPending: boolean;
  /** For the coordinator: the recovery key was used (when), and no new one was made since. */
  recoveryKeyUsedAt: string | null;
  /** A restore brought back an older key or revoked users: the key must be changed first. */
  keyRotationRequired: { since: string; revoked: string[] } | null;
  /** For the coordinator: what the unlock found wrong with the data folder (shown until the lock). */
  securityNotices: readonly string[];
  /** For the coordinator: no verified backup within the configured period (shown at unlock). */
  backupReminder: BackupReminder | null;
}

export const sessionChannels = {
  'session.unlock': channel({ input: unlockInput, access: 'public', effect: 'write', output: returns<SessionInfo>() }),
  'session.recover': channel({ input: recoverInput, access: 'public', effect: 'write', output: returns<SessionInfo>() }),
  'session.lock': channel({ input: noInput, access: 'public', effect: 'write', output: returns<null>() }),
  'session.info': channel({ input: noInput, access: 'public', effect: 'read', output: returns<SessionInfo | null>() }),
  /** User input seen by the UI: postpones the inactivity auto-lock. */
  'session.activity': channel({ input: noInput, access: 'authenticated', effect: 'read', output: returns<null>() }),
};
