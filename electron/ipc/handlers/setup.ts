import { ERROR_MESSAGES } from '../../errors';
import { recoverySheetPdf } from '../../pdf/recovery-sheet';
import { pdfFile } from '../../services/common/documents';
import type { DomainHandlers } from '../dispatcher';

const PROBLEMS = {
  db_missing: ERROR_MESSAGES.DB_MISSING,
  keyring_missing: ERROR_MESSAGES.KEYRING_MISSING,
} as const;

export const setupHandlers: DomainHandlers<'setup'> = {
  'setup.status': ({ vault }) => {
    const state = vault.state();
    return { state, problem: state === 'db_missing' || state === 'keyring_missing' ? PROBLEMS[state] : null };
  },
  'setup.initialize': async ({ vault, clock }, input) => {
    const { recoveryKey } = await vault.initialize(input);
    const pdf = await recoverySheetPdf({
      establishmentName: input.establishmentName,
      recoveryKey,
      coordinatorLogin: input.login,
      createdAt: clock(),
    });
    // The file name carries no personal data: it names the document, not the person.
    return { recoveryKey, recoverySheet: pdfFile('fiche-de-recuperation-commission-clsm.pdf', pdf) };
  },
};
