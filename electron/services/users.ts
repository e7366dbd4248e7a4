// Users of the application. Administration (create, reset, disable) asks the coordinator's
// password again: it is what unwraps the master key needed to write another user's slot.
// A disabled user's slot is removed from the keyring, so their password no longer opens anything.
import type { Db } from '../../db/connection';
import { withPasswordSlot } from '../../db/keyring';
import { AppError } from '../errors';
import { Role } from './credentials';
import type { Session, Vault } from './vault';

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  disabledAt: string | null;
}

interface UserRow {
  id: number;
  login: string;
  display_name: string;
  role: Role;
  active: number;
  created_at: string;
  disabled_at: string | null;
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function listUsers(db: Db): UserSummary[] {
  const rows = db.prepare('SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE').all() as UserRow[];
  return rows.map(toSummary);
}

function getUser(db: Db, id: number): UserRow {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('USER_NOT_FOUND');
  return row;
}

export interface UsersContext {
  vault: Vault;
  actor: Session;
  now: () => Date;
}

export async function createUser(
  ctx: UsersContext,
  input: { login: string; displayName: string; role: Role; password: string; actorPassword: string },
): Promise<UserSummary> {
  const db = ctx.vault.database();
  if (db.prepare('SELECT 1 FROM users WHERE login = ?').get(input.login)) throw new AppError('LOGIN_TAKEN');
  return ctx.vault.withMasterKey(ctx.actor.login, input.actorPassword, async (masterKey, keyring) => {
    const slot = await ctx.vault.makeSlot(masterKey, input.login, input.password);
    return db.transaction(() => {
      const { lastInsertRowid } = db
        .prepare('INSERT INTO users (login, display_name, role, created_at) VALUES (?, ?, ?, ?)')
        .run(input.login, input.displayName, input.role, ctx.now().toISOString());
      const id = Number(lastInsertRowid);
      ctx.vault.audit({ userId: ctx.actor.userId, action: 'users.create', objectType: 'user', objectId: id, outcome: 'success', detail: `role=${input.role}` });
      // Written last, inside the transaction: a failed write rolls the new user back.
      ctx.vault.saveKeyring(withPasswordSlot(keyring, slot));
      return toSummary(getUser(db, id));
    })();
  });
}

export async function changeOwnPassword(
  ctx: UsersContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  await ctx.vault.withMasterKey(ctx.actor.login, input.currentPassword, async (masterKey, keyring) => {
    const slot = await ctx.vault.makeSlot(masterKey, ctx.actor.login, input.newPassword);
    ctx.vault.saveKeyring(withPasswordSlot(keyring, slot));
  });
  ctx.vault.audit({ userId: ctx.actor.userId, action: 'users.passwordChange', objectType: 'user', objectId: ctx.actor.userId, outcome: 'success' });
}

export async function resetPassword(
  ctx: UsersContext,
  input: { userId: number; newPassword: string; actorPassword: string },
): Promise<void> {
  const target = getUser(ctx.vault.database(), input.userId);
  if (target.active !== 1) throw new AppError('USER_INACTIVE');
  await ctx.vault.withMasterKey(ctx.actor.login, input.actorPassword, async (masterKey, keyring) => {
    const slot = await ctx.vault.makeSlot(masterKey, target.login, input.newPassword);
    ctx.vault.saveKeyring(withPasswordSlot(keyring, slot));
  });
  ctx.vault.audit({ userId: ctx.actor.userId, action: 'users.passwordReset', objectType: 'user', objectId: target.id, outcome: 'success' });
}

export async function disableUser(
  ctx: UsersContext,
  input: { userId: number; actorPassword: string },
): Promise<UserSummary> {
  const db = ctx.vault.database();
  const target = getUser(db, input.userId);
  if (target.id === ctx.actor.userId) throw new AppError('SELF_DISABLE');
  if (target.active !== 1) return toSummary(target);
  // Only an active coordinator gets here and cannot disable themself, so one always remains.
  // The confirmation proves the coordinator is at the keyboard; the key itself is not needed.
  await ctx.vault.withMasterKey(ctx.actor.login, input.actorPassword, () => undefined);
  return db.transaction(() => {
    db.prepare('UPDATE users SET active = 0, disabled_at = ? WHERE id = ?').run(ctx.now().toISOString(), target.id);
    ctx.vault.audit({ userId: ctx.actor.userId, action: 'users.disable', objectType: 'user', objectId: target.id, outcome: 'success' });
    ctx.vault.removeSlot(target.login);
    return toSummary(getUser(db, target.id));
  })();
}
