// Key rotation: a new random master key, so that no keyring copied before (every backup carries one)
// opens the live database any more. The slow part (a slot per user, argon2id) comes first; then, in
// one synchronous block that no other call can interleave with, the database is copied, edited and
// re-encrypted beside the old one, verified, staged with its new keyring, and the pair is swapped.
// The coordinator keeps their password; every other active user gets a temporary one to change at
// their next unlock; the recovery key is replaced and must be confirmed stored.
import type { Db } from '../../../db/connection';
import { writeRekeyedCopy } from '../../../db/connection';
import { generateTemporaryPassword } from '../../../db/crypto';
import { Keyring, PasswordSlot, RecoverySlot, writeKeyring } from '../../../db/keyring';
import type { Clock } from '../../shared/dates';
import { appendAudit } from '../audit/trail';
import { writeSetting } from '../settings/store';
import type { DataFolder } from './data-folder';
import type { KeyringService } from './keyring-service';
import type { Session } from './session';
import { stageSwap } from './swap';

export interface TemporaryPassword {
  userId: number;
  login: string;
  displayName: string;
  password: string;
}

export interface RotationPlan {
  newKey: Buffer;
  recoveryKey: string;
  temporaryPasswords: TemporaryPassword[];
  keyring: Keyring;
}

/** The new keyring (slow: one argon2id per user): the coordinator's password, temporary ones for the others. */
export async function planRotation(
  db: Db,
  keys: KeyringService,
  actor: Session,
  actorPassword: string,
  newKey: Buffer,
): Promise<RotationPlan> {
  const others = db
    .prepare('SELECT id AS userId, login, display_name AS displayName FROM users WHERE active = 1 AND id != ? ORDER BY display_name')
    .all(actor.userId) as Omit<TemporaryPassword, 'password'>[];
  const temporaryPasswords = others.map((user) => ({ ...user, password: generateTemporaryPassword() }));
  const slots: PasswordSlot[] = [await keys.makeSlot(newKey, actor.login, actorPassword)];
  for (const user of temporaryPasswords) slots.push(await keys.makeSlot(newKey, user.login, user.password));
  const { recoveryKey, slot }: { recoveryKey: string; slot: RecoverySlot } = await keys.newRecoveryKey(newKey);
  const keyring: Keyring = { ...keys.read(), slots: [...slots, slot] };
  return { newKey, recoveryKey, temporaryPasswords, keyring };
}

/** The re-encrypted copy and its keyring, written and verified in the staging folder. Synchronous. */
export function stageRotation(live: Db, folder: DataFolder, oldKey: Buffer, plan: RotationPlan, actor: Session, clock: Clock): void {
  stageSwap(folder, (staging) => {
    writeRekeyedCopy(live, staging.dbPath, oldKey, plan.newKey, (copy) => {
      const mustChange = copy.prepare('UPDATE users SET must_change_password = 1 WHERE id = ?');
      for (const user of plan.temporaryPasswords) mustChange.run(user.userId);
      writeSetting(copy, 'recoveryKeyPending', true);
      // A restore that brought back an older key asked for this rotation: done.
      writeSetting(copy, 'keyRotationRequired', null);
      appendAudit(
        copy,
        { userId: actor.userId, action: 'users.rotateKey', outcome: 'success', detail: `users=${plan.temporaryPasswords.length + 1}` },
        clock(),
      );
    });
    writeKeyring(staging.keyringPath, plan.keyring);
  });
}
