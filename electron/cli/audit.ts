// `audit-verify`: the trail is verified as found, before the unlock writes its own events; then the
// verdict itself is recorded. Every checkpoint must be proven by its archive: those named with
// --archive, and those found on the backup share under the names the checkpoints recorded.
import { archivesAt, archivesOnShare } from '../services/audit/archive-file';
import { withAuditKeys } from '../services/audit/keys';
import type { AnchorStatus, AuditAnchor, AuditVerification } from '../services/audit/verify';
import { verifyAudit } from '../services/audit/verify';
import type { Session, Vault } from '../services/vault';

export const ANCHOR_WORDS: Record<AnchorStatus, string> = {
  extended: 'prolongée',
  archived: 'prolongée (vérifiée dans l’archive)',
  diverged: 'NON PROLONGÉE (journal réécrit)',
  missing: 'NON PROLONGÉE (journal tronqué)',
  unproven: 'NON VÉRIFIÉE (antérieure à un point d’archivage dont l’archive manque)',
};

export async function verifyTrail(
  vault: Vault,
  login: string | null,
  password: string,
  anchors: AuditAnchor[],
  archivePaths: readonly string[] = [],
): Promise<{ session: Session; result: AuditVerification }> {
  let result: AuditVerification | null = null;
  const databaseId = vault.databaseId();
  const session = await vault.unlock(login, password, {
    inspect: (db) =>
      (result = withAuditKeys(db, (keys) =>
        verifyAudit(db, {
          databaseId,
          anchors,
          archives: keys ? [...archivesAt(archivePaths, keys.archive), ...archivesOnShare(db, keys.archive)] : [],
          requireArchives: true,
        }),
      )),
  });
  try {
    const verdict: AuditVerification = result!;
    vault.audit({
      userId: session.userId,
      action: 'audit.verify',
      outcome: verdict.ok ? 'success' : 'failure',
      detail: verdict.ok
        ? `count=${verdict.count},anchors=${anchors.length},archives=${verdict.archives},via=cli`
        : `broken=${verdict.brokenEventId ?? 'triggers'},via=cli`,
    });
    return { session, result: verdict };
  } finally {
    vault.lock('shutdown');
  }
}
