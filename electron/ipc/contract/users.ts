import { noInput } from '../../services/common/schema';
import type { KeyRotation } from '../../services/users/rotation';
import {
  changePasswordInput,
  createUserInput,
  disableUserInput,
  newAccountInput,
  profileInput,
  resetPasswordInput,
  rotateKeyInput,
  updateUserInput,
  linkMemberInput,
} from '../../services/users/schema';
import type { UserSummary } from '../../services/users/users';
import { channel, EVERYONE, returns } from './shared';

export const usersChannels = {
  'users.list': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<UserSummary[]>() }),
  'users.checkNewAccount': channel({ input: newAccountInput, access: ['coordinator'], effect: 'read', output: returns<null>() }),
  'users.create': channel({ input: createUserInput, access: ['coordinator'], effect: 'write', output: returns<UserSummary>() }),
  'users.changePassword': channel({ input: changePasswordInput, access: EVERYONE, effect: 'write', output: returns<null>() }),
  'users.resetPassword': channel({ input: resetPasswordInput, access: ['coordinator'], effect: 'write', output: returns<null>() }),
  'users.updateProfile': channel({ input: profileInput, access: EVERYONE, effect: 'write', output: returns<UserSummary>() }),
  'users.update': channel({ input: updateUserInput, access: ['coordinator'], effect: 'write', output: returns<UserSummary>() }),
  'users.linkMember': channel({ input: linkMemberInput, access: ['coordinator'], effect: 'write', output: returns<UserSummary>() }),
  'users.disable': channel({ input: disableUserInput, access: ['coordinator'], effect: 'write', output: returns<UserSummary>() }),
  // A job: it closes and swaps the database, outside any transaction of the dispatcher's.
  'users.rotateKey': channel({ input: rotateKeyInput, access: ['coordinator'], effect: 'job', output: returns<KeyRotation>() }),
};
