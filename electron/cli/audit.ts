// `audit-verify`: the trail is verified as found, before the unlock writes its own events; then the
// verdict itself is recorded.
import type { AnchorStatus, AuditAnchor, AuditVerification } from '../services/audit/verify';
import { verifyAudit } from '../services/audit/verify';
import type { Session, Vault } from '../services/vault';

export const ANCHOR_WORDS: Record<AnchorStatus, string> = {
  extended: 'prolongée',
  diverged: 'NON PROLONGÉE (journal réécrit)',
  missing: 'NON PROLONGÉE (journal tronqué)',
  archived: 'antérieure aux événements archivés : à vérifier dans l’archive',
};

export async function verifyTrail(
  vault: Vault,
  login: string | null,
  password: string,
  anchors: AuditAnchor[],
): Promise<{ session: Session; result: AuditVerification }> {
  let result: AuditVerification | null = null;
  const databaseId = vault.databaseId();
  const session = await vault.unlock(login, password, { inspect: (db) => (result = verifyAudit(db, { databaseId, anchors })) });
  try {
    const verdict: AuditVerification = result!;
    vault.audit({
      userId: session.userId,
      action: 'audit.verify',
      outcome: verdict.ok ? 'success' : 'failure',
      detail: verdict.ok
        ? `count=${verdict.count},anchors=${anchors.length},via=cli`
        : `broken=${verdict.brokenEventId ?? 'triggers'},via=cli`,
    });
    return { session, result: verdict };
  } finally {
    vault.lock('shutdown');
  }
}
