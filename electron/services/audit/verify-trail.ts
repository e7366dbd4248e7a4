// « Vérifier l’intégrité » on the journal page: the trail as found, its checkpoints proven by the
// archives found on the backup share, then the verdict itself recorded. Kept apart from verify.ts,
// which the vault uses at set-up and which must not depend on services (settings, the context).
import type { ServiceContext } from '../context';
import { archivesOnShare } from './archive-file';
import { withAuditKeys } from './keys';
import { appendAudit } from './trail';
import { AuditVerification, verifyAuditInSlices } from './verify';

/**
 * The verification asked from the journal: archives found on the share opened first, the chain
 * walked in slices (the window stays responsive over a million events), then the verdict recorded.
 */
export async function verifyAuditTrail(ctx: ServiceContext): Promise<AuditVerification> {
  const archives = withAuditKeys(ctx.db, (keys) => (keys ? archivesOnShare(ctx.db, keys.archive) : []));
  const result = await verifyAuditInSlices(ctx.db, { databaseId: ctx.keys.read().databaseId ?? null, archives, requireArchives: true });
  appendAudit(
    ctx.db,
    {
      userId: ctx.actor.userId,
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      detail: result.ok ? `count=${result.count},archives=${result.archives}` : `broken=${result.brokenEventId ?? 'triggers'}`,
    },
    ctx.clock(),
  );
  return result;
}
