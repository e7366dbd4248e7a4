// An archive of the trail as a file: events sealed (AES-256-GCM under the trail's archive key) with
// their ids and the hash of the last one. Opening one checks its own chain; whether it is the
// archive a checkpoint recorded (its SHA-256, where it starts and ends) is verify.ts's business.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { unwrapKey } from '../../../db/crypto';
import { AppError } from '../../errors';
import { readSetting } from '../settings/settings';
import { listCheckpoints, type OpenedArchive } from './checkpoints';

export type { OpenedArchive };
import { ARCHIVE_AAD } from './keys';
import { AuditEvent, hashEvent } from './trail';

export const ARCHIVE_EXTENSION = '.clsmaudit';

export const archiveSchema = z
  .object({
    format: z.literal('clsm-audit-archive'),
    version: z.literal(1),
    fromId: z.number().int().positive(),
    throughId: z.number().int().positive(),
    throughHash: z.string(),
    count: z.number().int().positive(),
    archivedBefore: z.string(),
    sealed: z.object({ alg: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), ct: z.string() }),
  })
  .strict();

/** Opens an archive and checks its chain from its first event to the hash it says it ends with. */
export function openAuditArchive(path: string, archiveKey: Buffer): OpenedArchive {
  const bytes = readFileSync(path);
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('AUDIT_ARCHIVE_INVALID'); // not JSON: not one of our archives
  }
  const parsed = archiveSchema.safeParse(body);
  if (!parsed.success) throw new AppError('AUDIT_ARCHIVE_INVALID');
  const plain = unwrapKey(archiveKey, parsed.data.sealed, ARCHIVE_AAD);
  if (!plain) throw new AppError('AUDIT_ARCHIVE_INVALID');
  const events = JSON.parse(plain.toString('utf8')) as AuditEvent[];
  const firstPrevHash = events[0]?.prevHash ?? '';
  let prevHash = firstPrevHash;
  let expectedId = parsed.data.fromId;
  for (const event of events) {
    if (event.id !== expectedId || event.prevHash !== prevHash || hashEvent(prevHash, event) !== event.hash)
      throw new AppError('AUDIT_ARCHIVE_INVALID');
    prevHash = event.hash;
    expectedId += 1;
  }
  if (events.length !== parsed.data.count || prevHash !== parsed.data.throughHash || expectedId - 1 !== parsed.data.throughId)
    throw new AppError('AUDIT_ARCHIVE_INVALID');
  const hashes = new Map(events.map((e) => [e.id, e.hash]));
  return {
    fileName: basename(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fromId: parsed.data.fromId,
    throughId: parsed.data.throughId,
    throughHash: parsed.data.throughHash,
    firstPrevHash,
    hashOf: (id) => hashes.get(id),
  };
}

/** The archives named on the command line: files, or folders whose `.clsmaudit` files are all read. */
export function archivesAt(paths: readonly string[], archiveKey: Buffer): OpenedArchive[] {
  const files = paths.flatMap((path) => {
    const full = resolve(path);
    if (!existsSync(full)) throw new AppError('AUDIT_ARCHIVE_INVALID', { message: `Archive introuvable : ${basename(full)}.` });
    if (!statSync(full).isDirectory()) return [full];
    return readdirSync(full)
      .filter((name) => name.endsWith(ARCHIVE_EXTENSION))
      .map((name) => join(full, name));
  });
  return files.map((file) => openArchiveNamed(file, archiveKey));
}

function openArchiveNamed(file: string, archiveKey: Buffer): OpenedArchive {
  try {
    return openAuditArchive(file, archiveKey);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError('AUDIT_ARCHIVE_INVALID', {
      message: `L’archive « ${basename(file)} » est illisible, d’une autre base ou modifiée.`,
    });
  }
}

/**
 * The checkpoints' archives found on the backup share, by the names the checkpoints recorded. One
 * that is absent or unreadable is left out: the verification then says which checkpoint is unproven.
 */
export function archivesOnShare(db: Db, archiveKey: Buffer): OpenedArchive[] {
  const share = readSetting(db, 'backupShare') ?? '';
  if (share === '') return [];
  const archives: OpenedArchive[] = [];
  for (const checkpoint of listCheckpoints(db)) {
    const file = join(resolve(share), basename(checkpoint.archiveName));
    if (!existsSync(file)) continue;
    try {
      archives.push(openAuditArchive(file, archiveKey));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return archives;
}
