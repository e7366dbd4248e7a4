import { ERROR_MESSAGES } from '../../errors';
import { recoverySheetPdf } from '../../pdf/recovery-sheet';
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
  'setup.initialize': async (input, { vault, now }) => {
    const { recoveryKey } = await vault.initialize({
      establishmentName: input.establishmentName,
      login: input.login,
      displayName: input.displayName,
      password: input.password,
    });
    const pdf = await recoverySheetPdf({
      establishmentName: input.establishmentName,
      recoveryKey,
      coordinatorLogin: input.login,
      createdAt: now(),
    });
    return {
      recoveryKey,
      // The file name carries no personal data: it names the document, not the person.
      recoverySheet: { fileName: 'fiche-de-recuperation-commission-clsm.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') },
    };
  },
};
