import { changeOwnPassword, checkNewAccount, createUser, disableUser, listUsers, resetPassword } from '../../services/users/users';
import type { DomainHandlers } from '../dispatcher';

export const usersHandlers: DomainHandlers<'users'> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.checkNewAccount': checkNewAccount,
  'users.create': createUser,
  'users.changePassword': changeOwnPassword,
  'users.resetPassword': resetPassword,
  'users.disable': disableUser,
};
