import { ERROR_MESSAGES } from '../../errors';
import { emptyLetterhead } from '../../pdf/letterhead';
import { recoverySheetPdf } from '../../pdf/recovery-sheet';
import { pdfFile } from '../../services/common/documents';
import { markRecoveryKeyShown, RECOVERY_SHEET_NAME } from '../../services/recovery/recovery';
import { sessionInfo } from './session';
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
  // The coordinator who just chose the password is signed in at once; the recovery key shown on
  // screen must then be confirmed stored before anything else (a reload must not lose it silently).
  'setup.initialize': async ({ vault, clock }, input) => {
    const { recoveryKey } = await vault.initialize(input);
    const session = await vault.unlock(input.login, input.password);
    markRecoveryKeyShown(vault.database());
    const pdf = await recoverySheetPdf({
      letterhead: emptyLetterhead(input.establishmentName),
      recoveryKey,
      coordinatorLogin: input.login,
      createdAt: clock(),
    });
    // The file name carries no personal data: it names the document, not the person.
    return { recoveryKey, recoverySheet: pdfFile(RECOVERY_SHEET_NAME, pdf), session: sessionInfo(vault, session, clock) };
  },
};
