import { ERROR_MESSAGES } from '../../errors';
import type { DomainHandlers } from '../dispatcher';

const PROBLEMS = {
  db_missing: ERROR_MESSAGES.DB_MISSING,
  keyring_missing: ERROR_MESSAGES.KEYRING_MISSING,
} as const;

export const setupHandlers: DomainHandlers<'setup'> = {
  'setup.status': (_input, { vault }) => {
    const state = vault.state();
    return { state, problem: state === 'db_missing' || state === 'keyring_missing' ? PROBLEMS[state] : null };
  },
  'setup.initialize': (input, { vault }) =>
    vault.initialize({
      establishmentName: input.establishmentName,
      login: input.login,
      displayName: input.displayName,
      password: input.password,
    }),
};
