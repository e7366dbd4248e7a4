import {
  changeOwnPassword,
  checkNewAccount,
  createUser,
  disableUser,
  listUsers,
  resetPassword,
  updateOwnProfile,
  updateUser,
  linkMember,
} from '../../services/users/users';
import { rotateKey } from '../../services/users/rotation';
import type { DomainHandlers } from '../dispatcher';

export const usersHandlers: DomainHandlers<'users'> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.checkNewAccount': checkNewAccount,
  'users.create': createUser,
  'users.changePassword': changeOwnPassword,
  'users.resetPassword': resetPassword,
  'users.updateProfile': updateOwnProfile,
  'users.update': updateUser,
  'users.linkMember': linkMember,
  'users.disable': disableUser,
  'users.rotateKey': rotateKey,
};
