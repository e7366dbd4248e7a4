// Users of the application. Administration (create, reset, disable) asks the coordinator's
// password again: it is what unwraps the master key needed to write another user's slot.
// A disabled user's slot is removed from the keyring, so their password no longer opens anything.
import type { Db } from '../../../db/connection';
import type { PasswordSlot } from '../../../db/keyring';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Role } from '../../shared/vocabulary';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import type { changePasswordInput, createUserInput, disableUserInput, resetPasswordInput } from './schema';
import type { z } from 'zod';

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

export function listUsers(ctx: Pick<ServiceContext, 'db'>): UserSummary[] {
  const rows = ctx.db.prepare('SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE').all() as UserRow[];
  return rows.map(toSummary);
}

function getUser(db: Db, id: number): UserRow {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('USER_NOT_FOUND');
  return row;
}

function assertLoginFree(db: Db, login: string): void {
  if (db.prepare('SELECT 1 FROM users WHERE login = ?').get(login)) throw new AppError('LOGIN_TAKEN');
}

/** Checks a new account's form (the schema did the fields) before the password is asked. */
export function checkNewAccount(ctx: ServiceContext, input: { login: string }): null {
  assertLoginFree(ctx.db, input.login);
  return null;
}

export const createUser = staged({
  async prepare(ctx, input: z.output<typeof createUserInput>): Promise<PasswordSlot> {
    assertLoginFree(ctx.db, input.login);
    return ctx.keys.confirm(ctx.actor.login, input.actorPassword, (masterKey) => ctx.keys.makeSlot(masterKey, input.login, input.password));
  },
  commit(ctx, input, slot): UserSummary {
    assertLoginFree(ctx.db, input.login);
    const { lastInsertRowid } = ctx.db
      // Set by someone else: to be changed at the first unlock.
      .prepare('INSERT INTO users (login, display_name, role, created_at, must_change_password) VALUES (?, ?, ?, ?, 1)')
      .run(input.login, input.displayName, input.role, nowIso(ctx.clock));
    const id = Number(lastInsertRowid);
    ctx.audit('users.create', { type: 'user', id }, `role=${input.role}`);
    // Last: a failed keyring write rolls the new user back.
    ctx.keys.storeSlot(slot);
    return toSummary(getUser(ctx.db, id));
  },
});

export const changeOwnPassword = staged({
  prepare: (ctx, input: z.output<typeof changePasswordInput>): Promise<PasswordSlot> =>
    ctx.keys.confirm(
      ctx.actor.login,
      input.currentPassword,
      (masterKey) => ctx.keys.makeSlot(masterKey, ctx.actor.login, input.newPassword),
      {
        field: 'currentPassword',
        message: 'Mot de passe actuel incorrect.',
      },
    ),
  commit(ctx, _input, slot): null {
    ctx.db.prepare('UPDATE users SET must_change_password = 0 WHERE id = ?').run(ctx.actor.userId);
    ctx.audit('users.passwordChange', { type: 'user', id: ctx.actor.userId });
    ctx.keys.storeSlot(slot);
    return null;
  },
});

export const resetPassword = staged({
  async prepare(ctx, input: z.output<typeof resetPasswordInput>): Promise<PasswordSlot> {
    const target = getUser(ctx.db, input.userId);
    if (target.active !== 1) throw new AppError('USER_INACTIVE');
    return ctx.keys.confirm(ctx.actor.login, input.actorPassword, (masterKey) =>
      ctx.keys.makeSlot(masterKey, target.login, input.newPassword),
    );
  },
  commit(ctx, input, slot): null {
    const target = getUser(ctx.db, input.userId);
    if (target.active !== 1 || target.login !== slot.login) throw new AppError('USER_INACTIVE');
    ctx.db.prepare('UPDATE users SET must_change_password = 1 WHERE id = ?').run(target.id);
    ctx.audit('users.passwordReset', { type: 'user', id: target.id });
    ctx.keys.storeSlot(slot);
    return null;
  },
});

export const disableUser = staged({
  async prepare(ctx, input: z.output<typeof disableUserInput>): Promise<void> {
    const target = getUser(ctx.db, input.userId);
    if (target.id === ctx.actor.userId) throw new AppError('SELF_DISABLE');
    if (target.active !== 1) return;
    // Only an active coordinator gets here and cannot disable themself, so one always remains.
    // The confirmation proves the coordinator is at the keyboard; the key itself is not needed.
    await ctx.keys.confirm(ctx.actor.login, input.actorPassword, () => undefined);
  },
  commit(ctx, input): UserSummary {
    const target = getUser(ctx.db, input.userId);
    if (target.active !== 1) return toSummary(target);
    ctx.db.prepare('UPDATE users SET active = 0, disabled_at = ? WHERE id = ?').run(nowIso(ctx.clock), target.id);
    ctx.audit('users.disable', { type: 'user', id: target.id });
    ctx.keys.removeSlot(target.login);
    return toSummary(getUser(ctx.db, target.id));
  },
});
