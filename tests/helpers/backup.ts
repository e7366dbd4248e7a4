// What backup tests share: a coordinator's session whose database holds a person, a share folder,
// the files of a folder read as bytes, and the counts of every table.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import type { ClsmApi } from '../../electron/ipc/api';
import { tableCounts } from '../../electron/services/backup/contents';
import type { Clock } from '../../electron/shared/dates';
import { referralOf, SYLVIE } from '../fixtures/situations';
import { ok } from './ipc';
import { situationsSession } from './situations';
import { tempDir } from './vault';

/** A share folder configured in the settings, for a coordinator's client. */
export async function configureShare(api: ClsmApi): Promise<string> {
  const share = join(tempDir(), 'partage');
  mkdirSync(share);
  await ok(api.settings.update({ ...(await ok(api.settings.get({}))), backupShare: share }));
  return share;
}

/** A session with one referral (Sylvie Hœrner's), the share configured. */
export async function backupSession(options: { now?: Clock; keep?: number } = {}) {
  const session = await situationsSession(options);
  const { api, referrer } = session;
  const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
  const share = await configureShare(api);
  if (options.keep !== undefined) await ok(api.settings.update({ ...(await ok(api.settings.get({}))), backupKeep: options.keep }));
  return { ...session, situation, share };
}

/** Every file under `dir`, recursively (dot folders included: a temporary backup is a file too). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The names a reader could find in the bytes: UTF-8 and UTF-16 (SQLite may store either). */
export function readableIn(file: string, needles: string[]): string[] {
  const bytes = readFileSync(file);
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')));
}

export const PERSON_NEEDLES = [SYLVIE.lastName, 'Tanneurs', 'Vivest', 'renouer le lien'];

/** Every table's count, without the audit trail (which records the backup itself). */
export function countsWithoutAudit(db: Db): Record<string, number> {
  const counts = tableCounts(db);
  delete counts.audit_events;
  return counts;
}
