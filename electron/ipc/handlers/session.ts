import type { Civility } from '../../shared/french';
import type { Db } from '../../../db/connection';
import { backupReminder } from '../../services/backup/service';
import { readSetting } from '../../services/settings/settings';
import type { Clock } from '../../shared/dates';
import { OBLIGATION_CHANNELS, obligationOf } from '../../services/users/obligations';
import type { Session, Vault } from '../../services/vault';
import type { SessionInfo } from '../contract';
import type { DomainHandlers } from '../dispatcher';
import { allowedChannels, areasFor } from '../permissions';

/** Why the key must be changed: since when, and the names of the users the restore disabled again. */
function rotationRequired(db: Db): SessionInfo['keyRotationRequired'] {
  const required = readSetting(db, 'keyRotationRequired');
  if (!required) return null;
  const name = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  return { since: required.since, revoked: required.revokedUserIds.map((id) => (name.get(id) as string | undefined) ?? `n° ${id}`) };
}

export function sessionInfo(vault: Vault, session: Session, clock: Clock): SessionInfo {
  const db = vault.database();
  const obligation = obligationOf(db, session);
  const profile = db.prepare('SELECT display_name, civility FROM users WHERE id = ?').get(session.userId) as
    { display_name: string; civility: Civility } | undefined;
  return {
    userId: session.userId,
    login: session.login,
    // Read each time: a corrected name shows at once.
    displayName: profile?.display_name ?? session.displayName,
    civility: profile?.civility ?? 'unspecified',
    role: session.role,
    establishmentName: readSetting(db, 'establishmentName'),
    autoLockMinutes: readSetting(db, 'autoLockMinutes') ?? 10,
    lockInMs: vault.lockInMs(),
    allowed: obligation
      ? allowedChannels(session.role).filter((c) => OBLIGATION_CHANNELS[obligation].has(c))
      : allowedChannels(session.role),
    mustChangePassword: obligation === 'choose_password',
    recoveryKeyPending: obligation === 'store_recovery_key',
    keyRotationRequired: obligation === 'rotate_key' ? rotationRequired(db) : null,
    recoveryKeyUsedAt: session.role === 'coordinator' ? readSetting(db, 'recoveryKeyUsedAt') : null,
    areas: obligation ? [] : areasFor(session.role),
    backupReminder: session.role === 'coordinator' && !obligation ? backupReminder(db, clock) : null,
    securityNotices: session.role === 'coordinator' ? vault.unlockNotices() : [],
  };
}

export const sessionHandlers: DomainHandlers<'session'> = {
  'session.unlock': async ({ vault, clock }, input) => sessionInfo(vault, await vault.unlock(input.login, input.password), clock),
  'session.recover': async ({ vault, clock }, input) =>
    sessionInfo(vault, await vault.recover(input.recoveryKey, input.login, input.newPassword), clock),
  'session.lock': ({ vault }) => {
    vault.lock('user');
    return null;
  },
  'session.info': ({ vault, clock }) => (vault.session ? sessionInfo(vault, vault.session, clock) : null),
  // The dispatcher has already recorded the activity (authenticated channel).
  'session.activity': () => null,
};
