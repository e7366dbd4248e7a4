// What the journal page says of the trail's retention: how many events could be archived now, and
// the archives already made (their checkpoints).
import { addMonths, dayRange } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { readSetting } from '../settings/settings';
import { JOURNAL_COUNT_CAP, latestCheckpoint } from './trail';

export interface ArchiveStatus {
  retentionMonths: number;
  archivableBefore: string;
  /** Counted up to JOURNAL_COUNT_CAP: ten years hold a million events. */
  archivable: number;
  archivableCapped: boolean;
  archives: { archiveName: string; archivedCount: number; archivedBefore: string; createdAt: string }[];
}

export function archiveStatus(ctx: ServiceContext): ArchiveStatus {
  const retentionMonths = readSetting(ctx.db, 'auditRetentionMonths') ?? 36;
  const archivableBefore = addMonths(ctx.today, -retentionMonths);
  const counted = ctx.db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE id > ? AND at < ? LIMIT ${JOURNAL_COUNT_CAP + 1})`)
    .pluck()
    .get(Math.max(latestCheckpoint(ctx.db)?.throughId ?? 0, 1), dayRange(archivableBefore).start) as number; // the genesis stays
  const archives = ctx.db
    .prepare(
      `SELECT archive_name AS archiveName, archived_count AS archivedCount, archived_before AS archivedBefore, created_at AS createdAt
       FROM audit_checkpoints ORDER BY id DESC`,
    )
    .all() as ArchiveStatus['archives'];
  return {
    retentionMonths,
    archivableBefore,
    archivable: Math.min(counted, JOURNAL_COUNT_CAP),
    archivableCapped: counted > JOURNAL_COUNT_CAP,
    archives,
  };
}
