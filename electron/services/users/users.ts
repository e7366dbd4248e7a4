// Users of the application. Administration (create, reset, disable) asks the coordinator's
// password again: it is what unwraps the master key needed to write another user's slot.
// A disabled user's slot is removed from the keyring, so their password no longer opens anything.
import { dropUserDrafts } from '../drafts/drafts';
import type { Db } from '../../../db/connection';
import type { PasswordSlot } from '../../../db/keyring';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Civility } from '../../shared/french';
import type { Role } from '../../shared/vocabulary';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import type { changePasswordInput, createUserInput, disableUserInput, profileInput, resetPasswordInput, updateUserInput } from './schema';
import type { z } from 'zod';

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  civility: Civility;
  role: Role;
  active: boolean;
  createdAt: string;
  disabledAt: string | null;
  /** An animation user linked to the member they are in the directory: they approve that member's minutes. */
  member: { id: number; name: string } | null;
}

interface UserRow {
  id: number;
  login: string;
  display_name: string;
  civility: Civility;
  role: Role;
  active: number;
  created_at: string;
  disabled_at: string | null;
  member_id: number | null;
  member_first?: string | null;
  member_last?: string | null;
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    civility: row.civility,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    member: row.member_id ? { id: row.member_id, name: `${row.member_first ?? ''} ${row.member_last ?? ''}`.trim() } : null,
  };
}

export function listUsers(ctx: Pick<ServiceContext, 'db'>): UserSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT u.*, m.first_name AS member_first, m.last_name AS member_last FROM users u LEFT JOIN members m ON m.id = u.member_id
       ORDER BY u.active DESC, u.display_name COLLATE NOCASE`,
    )
    .all() as UserRow[];
  return rows.map(toSummary);
}

function getUser(db: Db, id: number): UserRow {
  const row = db
    .prepare(
      'SELECT u.*, m.first_name AS member_first, m.last_name AS member_last FROM users u LEFT JOIN members m ON m.id = u.member_id WHERE u.id = ?',
    )
    .get(id) as UserRow | undefined;
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
      .prepare('INSERT INTO users (login, display_name, civility, role, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, 1)')
      .run(input.login, input.displayName, input.civility, input.role, nowIso(ctx.clock));
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
    dropUserDrafts(ctx.db, target.id);
    ctx.audit('users.disable', { type: 'user', id: target.id });
    ctx.keys.removeSlot(target.login);
    return toSummary(getUser(ctx.db, target.id));
  },
});

/** The name and civility a user signs with, as they are now (a rename shows at once). */
export function signatoryOf(db: Db, userId: number): { name: string; civility: Civility } {
  const row = getUser(db, userId);
  return { name: row.display_name, civility: row.civility };
}

/**
 * A name or a civility corrected: documents made from now on print the new one; those already
 * signed keep the name they were signed with (their PDF is stored as signed). The audit says which
 * fields changed, never the names.
 */
function writeProfile(
  ctx: ServiceContext,
  userId: number,
  input: z.output<typeof profileInput>,
  action: 'users.updateProfile' | 'users.update',
): UserSummary {
  const before = getUser(ctx.db, userId);
  const changed = [
    ...(before.display_name !== input.displayName ? ['displayName'] : []),
    ...(before.civility !== input.civility ? ['civility'] : []),
  ];
  if (changed.length === 0) return toSummary(before);
  ctx.db.prepare('UPDATE users SET display_name = ?, civility = ? WHERE id = ?').run(input.displayName, input.civility, userId);
  ctx.audit(action, { type: 'user', id: userId }, `fields=${changed.join(',')}`);
  return toSummary(getUser(ctx.db, userId));
}

export const updateOwnProfile = (ctx: ServiceContext, input: z.output<typeof profileInput>): UserSummary =>
  writeProfile(ctx, ctx.actor.userId, input, 'users.updateProfile');

export function updateUser(ctx: ServiceContext, input: z.output<typeof updateUserInput>): UserSummary {
  return writeProfile(ctx, input.userId, input, 'users.update');
}

/**
 * Links an animation user to the member they are in the directory (or unlinks with null): the
 * minutes of the meetings that member animates are then theirs to approve. One user per member.
 */
export function linkMember(ctx: ServiceContext, input: { userId: number; memberId: number | null }): UserSummary {
  const user = getUser(ctx.db, input.userId);
  if (input.memberId !== null) {
    if (user.role !== 'animateur') throw new AppError('USER_LINK_NOT_ANIMATEUR');
    const member = ctx.db.prepare('SELECT active FROM members WHERE id = ?').pluck().get(input.memberId) as number | undefined;
    if (member === undefined) throw new AppError('MEMBER_NOT_FOUND');
    const other = ctx.db.prepare('SELECT id FROM users WHERE member_id = ? AND id <> ?').pluck().get(input.memberId, user.id);
    if (other !== undefined) throw new AppError('USER_LINK_TAKEN');
  }
  ctx.db.prepare('UPDATE users SET member_id = ? WHERE id = ?').run(input.memberId, user.id);
  ctx.audit('users.linkMember', { type: 'user', id: user.id }, input.memberId === null ? 'unlinked' : `member=${input.memberId}`);
  return toSummary(getUser(ctx.db, user.id));
}
