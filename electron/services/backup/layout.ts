// Where backups live on the share. A backup is one folder holding the encrypted database, the
// keyring and the manifest. It is built under a temporary name (a dot folder, never listed as a
// backup) and renamed to its final name only once verified, so a half-written backup never looks
// like one. Names carry the moment only, never a person's data.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileMoment, parseFileMoment } from '../../shared/dates';

export const BACKUP_FILES = { database: 'clsm.db', keyring: 'clsm.keyring.json', manifest: 'manifest.json' } as const;

// Named in Paris time as people read it (`…-2026-11-23_11h15m00_+0100`); backups made before were
// named in UTC (`…-2026-11-23T101500Z`) and are still listed.
const FINAL_PREFIX = 'clsm-sauvegarde-';
const UTC_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The moment of a backup's name (UTC, ISO), or null when the name is not a backup's. */
export function backupMoment(name: string): string | null {
  if (!name.startsWith(FINAL_PREFIX)) return null;
  const stamp = name.slice(FINAL_PREFIX.length);
  const utc = UTC_PATTERN.exec(stamp);
  return utc ? `${utc[1]}T${utc[2]}:${utc[3]}:${utc[4]}.000Z` : parseFileMoment(stamp);
}
export const TEMP_PREFIX = '.clsm-en-cours-';

/** A UTC moment as `2026-11-23T101500Z`: sortable, valid on Windows shares (no colon), no data. */
export function momentStamp(at: Date): string {
  const iso = at.toISOString(); // 2026-11-23T10:15:00.000Z, a moment (UTC), not a Paris day
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** `clsm-sauvegarde-2026-11-23_11h15m00_+0100`: the moment in Paris time, as the screen shows it. */
export function finalName(at: Date): string {
  return `${FINAL_PREFIX}${fileMoment(at)}`;
}

export function tempName(): string {
  return `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`;
}

export interface BackupFolder {
  name: string;
  path: string;
  /** The moment in the name (UTC, ISO). */
  at: string;
}

/** The finished backups in `shareDir`, newest first; temporary folders and other files are ignored. */
export function listBackupFolders(shareDir: string): BackupFolder[] {
  const found: BackupFolder[] = [];
  for (const name of readdirSync(shareDir)) {
    const at = backupMoment(name);
    if (!at) continue;
    const path = join(shareDir, name);
    if (!statSync(path).isDirectory()) continue;
    found.push({ name, path, at });
  }
  return found.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** Temporary folders left by an interrupted backup (a crash, a killed process), except `keep`. */
export function staleTemporaryFolders(shareDir: string, keep?: string): string[] {
  return readdirSync(shareDir)
    .filter((name) => name.startsWith(TEMP_PREFIX) && name !== keep)
    .map((name) => join(shareDir, name));
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
