// « Changer la clé de chiffrement »: offered when a user leaves or a password was compromised. The
// vault does the rotation; here the coordinator gets what must be handed on: the new recovery key
// and its sheet to print, and each other user's temporary password (shown once, never stored).
import { recoverySheetPdf } from '../../pdf/recovery-sheet';
import { letterheadOf } from '../settings/letterhead';
import { DocumentFile, pdfFile } from '../common/documents';
import type { VaultContext } from '../context';
import { RECOVERY_SHEET_NAME } from '../recovery/recovery';

export interface KeyRotation {
  recoveryKey: string;
  recoverySheet: DocumentFile;
  temporaryPasswords: { login: string; displayName: string; password: string }[];
}

export async function rotateKey(ctx: VaultContext, input: { actorPassword: string }): Promise<KeyRotation> {
  const { recoveryKey, temporaryPasswords } = await ctx.vault.rotateKey(ctx.actor.login, input.actorPassword);
  const pdf = await recoverySheetPdf({
    letterhead: letterheadOf(ctx.vault.database()),
    recoveryKey,
    coordinatorLogin: ctx.actor.login,
    createdAt: ctx.clock(),
  });
  return {
    recoveryKey,
    recoverySheet: pdfFile(RECOVERY_SHEET_NAME, pdf),
    temporaryPasswords: temporaryPasswords.map(({ login, displayName, password }) => ({ login, displayName, password })),
  };
}
