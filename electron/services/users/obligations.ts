// What a user must do before anything else, decided here and enforced by the dispatcher: after a
// restore that brought back an older key or revoked users, the coordination changes the key (the
// others wait); choose their own password when someone else set it; for the coordination, confirm
// that the recovery key is stored (or generate a new one). During an obligation only its channels answer.
import type { Db } from '../../../db/connection';
import { readSetting } from '../settings/settings';
import type { Session } from '../vault/session';

export type Obligation = 'rotate_key' | 'choose_password' | 'store_recovery_key';

const SESSION = ['setup.status', 'session.unlock', 'session.recover', 'session.lock', 'session.info', 'session.activity'];

export const OBLIGATION_CHANNELS: Record<Obligation, ReadonlySet<string>> = {
  rotate_key: new Set([...SESSION, 'users.rotateKey']),
  choose_password: new Set([...SESSION, 'users.changePassword']),
  store_recovery_key: new Set([...SESSION, 'recovery.newKey', 'recovery.confirmStored']),
};

export const OBLIGATION_ERRORS = {
  rotate_key: 'KEY_ROTATION_REQUIRED',
  choose_password: 'PASSWORD_CHANGE_REQUIRED',
  store_recovery_key: 'RECOVERY_KEY_PENDING',
} as const satisfies Record<Obligation, string>;

export function obligationOf(db: Db, session: Pick<Session, 'userId' | 'role'>): Obligation | null {
  if (readSetting(db, 'keyRotationRequired') !== null) return 'rotate_key';
  if (db.prepare('SELECT must_change_password FROM users WHERE id = ?').pluck().get(session.userId) === 1) return 'choose_password';
  if (session.role === 'coordinator' && readSetting(db, 'recoveryKeyPending') === true) return 'store_recovery_key';
  return null;
}
