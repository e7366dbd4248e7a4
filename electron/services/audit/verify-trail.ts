// « Vérifier l’intégrité » on the journal page: the trail as found, its checkpoints proven by the
// archives found on the backup share, then the verdict itself recorded. Kept apart from verify.ts,
// which the vault uses at set-up and which must not depend on services (settings, the context).
import type { ServiceContext } from '../context';
import { archivesOnShare } from './archive-file';
import { withAuditKeys } from './keys';
import { appendAudit } from './trail';
import { AuditVerification, verifyAudit } from './verify';

/** The verification asked from the journal: verified first (archives found on the share), then audited. */
export function verifyAuditTrail(ctx: ServiceContext): AuditVerification {
  const result = withAuditKeys(ctx.db, (keys) =>
    verifyAudit(ctx.db, {
      databaseId: ctx.keys.read().databaseId ?? null,
      archives: keys ? archivesOnShare(ctx.db, keys.archive) : [],
      requireArchives: true,
    }),
  );
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
