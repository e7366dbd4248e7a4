// A restore must not undo a revocation. A backup carries the keyring and users of its day: restored
// as they are, a user disabled since opens the base again with their old password, and a key
// rotated since is back. Before the files are replaced, the backup is compared with the folder:
// its database identity, whether the folder's base still opens with the backup's key (if not, the
// key was changed since), and the logins whose slots the folder's keyring no longer holds (disabled
// since). After the restore, those users are disabled again and their slots removed, and a new key
// rotation is required before any other work (the old key, known to the old keyring copies, is
// back): the obligation `rotate_key` (services/users/obligations.ts) until the coordinator rotates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../db/connection';
import { openEncryptedCopy } from '../../../db/connection';
import { Keyring, readKeyring, withoutPasswordSlot, writeKeyring } from '../../../db/keyring';
import { isAppError } from '../../errors';
import { nowIso, type Clock } from '../../shared/dates';
import { appendAudit } from '../audit/trail';
import { writeSetting } from '../settings/settings';
import type { DataFolder } from '../vault/data-folder';
import { BACKUP_FILES } from './layout';
import type { OpenedBackup } from './verify';

export interface FolderComparison {
  /** The folder held another database (another genesis id): nothing of it is carried over. */
  otherDatabase: boolean;
  /** The folder's base no longer opens with the backup's key: the key was changed since. */
  predatesRotation: boolean;
  /** Logins with a password slot in the backup's keyring and none in the folder's. */
  revokedLogins: string[];
}

export interface Revocation {
  otherDatabase: boolean;
  predatesRotation: boolean;
  /** Users the backup knew as active, disabled again by the restore. */
  revoked: { login: string; displayName: string }[];
  /** A key rotation is required before any other work. */
  rotationRequired: boolean;
}

const NOTHING: FolderComparison = { otherDatabase: false, predatesRotation: false, revokedLogins: [] };

const passwordLogins = (keyring: Keyring) => keyring.slots.flatMap((slot) => (slot.kind === 'password' ? [slot.login] : []));

/** True when `key` opens the base at `path` (read-only; a wrong key fails at the first read). */
function opensWith(path: string, key: Buffer): boolean {
  try {
    openEncryptedCopy(path, key).close();
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'DB_DAMAGED') return false;
    throw error;
  }
}

function readIfPresent(path: string): Keyring | null {
  if (!existsSync(path)) return null;
  try {
    return readKeyring(path);
  } catch (error) {
    if (isAppError(error) && error.code === 'KEYRING_DAMAGED') return null; // nothing to compare with
    throw error;
  }
}

/** Before anything is replaced: what the folder knows that the backup does not. */
export function compareWithFolder(folder: DataFolder, backup: OpenedBackup): FolderComparison {
  const current = readIfPresent(folder.keyringPath);
  if (!current || !existsSync(folder.dbPath)) return NOTHING;
  if (current.databaseId !== undefined && backup.databaseId !== null && current.databaseId !== backup.databaseId)
    return { ...NOTHING, otherDatabase: true };
  const kept = new Set(passwordLogins(current));
  const backupKeyring = readKeyring(join(backup.dir, BACKUP_FILES.keyring));
  return {
    otherDatabase: false,
    predatesRotation: !opensWith(folder.dbPath, backup.masterKey),
    revokedLogins: passwordLogins(backupKeyring).filter((login) => !kept.has(login)),
  };
}

/**
 * On the restored base, opened: the revoked users disabled again (audited), their slots removed from
 * the restored keyring, and the rotation required. Returns what the restore reports.
 */
export function reapplyRevocations(db: Db, folder: DataFolder, comparison: FolderComparison, clock: Clock): Revocation {
  const revoked = comparison.revokedLogins.flatMap((login) => {
    const user = db.prepare('SELECT id, display_name AS displayName, active FROM users WHERE login = ?').get(login) as
      { id: number; displayName: string; active: number } | undefined;
    return user ? [{ login, ...user }] : [];
  });
  const rotationRequired = comparison.predatesRotation || revoked.length > 0;
  if (!rotationRequired) return { otherDatabase: comparison.otherDatabase, predatesRotation: false, revoked: [], rotationRequired: false };
  const disable = db.prepare('UPDATE users SET active = 0, disabled_at = ? WHERE id = ? AND active = 1');
  for (const user of revoked) {
    if (disable.run(nowIso(clock), user.id).changes > 0)
      appendAudit(
        db,
        { userId: null, action: 'users.disable', objectType: 'user', objectId: user.id, outcome: 'success', detail: 'via=restore' },
        clock(),
      );
  }
  writeSetting(db, 'keyRotationRequired', { since: nowIso(clock), revokedUserIds: revoked.map((u) => u.id) });
  let keyring = readKeyring(folder.keyringPath);
  for (const user of revoked) keyring = withoutPasswordSlot(keyring, user.login);
  writeKeyring(folder.keyringPath, keyring);
  return {
    otherDatabase: false,
    predatesRotation: comparison.predatesRotation,
    revoked: revoked.map(({ login, displayName }) => ({ login, displayName })),
    rotationRequired: true,
  };
}
