import { changeOwnPassword, createUser, disableUser, listUsers, resetPassword, UsersContext } from '../../services/users';
import type { DomainHandlers, HandlerContext } from '../dispatcher';

const usersContext = (ctx: HandlerContext): UsersContext => ({ vault: ctx.vault, actor: ctx.actor(), now: ctx.now });

export const usersHandlers: DomainHandlers<'users'> = {
  'users.list': (_input, { vault }) => listUsers(vault.database()),
  'users.create': (input, ctx) => createUser(usersContext(ctx), input),
  'users.changePassword': async (input, ctx) => {
    await changeOwnPassword(usersContext(ctx), input);
    return null;
  },
  'users.resetPassword': async (input, ctx) => {
    await resetPassword(usersContext(ctx), input);
    return null;
  },
  'users.disable': (input, ctx) => disableUser(usersContext(ctx), input),
};
