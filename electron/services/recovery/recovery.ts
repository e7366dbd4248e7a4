// The recovery key after set-up: the coordinator confirms it is stored, or — lost, never printed,
// shown on a screen that was reloaded — generates a new one (password asked again), which replaces
// the old one at once. Until the key is confirmed stored, nothing else can be done (obligations.ts).
import type { Db } from '../../../db/connection';
import { letterheadOf } from '../settings/letterhead';
import type { RecoverySlot } from '../../../db/keyring';
import { recoverySheetPdf } from '../../pdf/recovery-sheet';
import { DocumentFile, pdfFile } from '../common/documents';
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { writeSetting } from '../settings/settings';

export interface NewRecoveryKey {
  recoveryKey: string;
  recoverySheet: DocumentFile;
}

export const RECOVERY_SHEET_NAME = 'fiche-de-recuperation-commission-clsm.pdf';

export const newRecoveryKey = staged({
  async prepare(ctx, input: { actorPassword: string }): Promise<{ slot: RecoverySlot; result: NewRecoveryKey }> {
    const { recoveryKey, slot } = await ctx.keys.confirm(ctx.actor.login, input.actorPassword, (masterKey) =>
      ctx.keys.newRecoveryKey(masterKey),
    );
    const pdf = await recoverySheetPdf({
      letterhead: letterheadOf(ctx.db),
      recoveryKey,
      coordinatorLogin: ctx.actor.login,
      createdAt: ctx.clock(),
    });
    return { slot, result: { recoveryKey, recoverySheet: pdfFile(RECOVERY_SHEET_NAME, pdf) } };
  },
  commit(ctx, _input, { slot, result }): NewRecoveryKey {
    writeSetting(ctx.db, 'recoveryKeyPending', true);
    writeSetting(ctx.db, 'recoveryKeyUsedAt', null);
    ctx.audit('recovery.newKey', null);
    // Last: a failed keyring write rolls back; once written, the old key no longer opens anything.
    ctx.keys.storeRecoverySlot(slot);
    return result;
  },
});

export function confirmRecoveryKeyStored(ctx: ServiceContext): null {
  writeSetting(ctx.db, 'recoveryKeyPending', false);
  ctx.audit('recovery.confirmStored', null);
  return null;
}

/** Set-up in the window: the key was shown on a screen that may be reloaded before it is stored. */
export function markRecoveryKeyShown(db: Db): void {
  writeSetting(db, 'recoveryKeyPending', true);
}
