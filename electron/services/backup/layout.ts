// Where backups live on the share. A backup is one folder holding the encrypted database, the
// keyring and the manifest. It is built under a temporary name (a dot folder, never listed as a
// backup) and renamed to its final name only once verified, so a half-written backup never looks
// like one. Names carry the moment only, never a person's data.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const BACKUP_FILES = { database: 'clsm.db', keyring: 'clsm.keyring.json', manifest: 'manifest.json' } as const;

const FINAL_PATTERN = /^clsm-sauvegarde-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
export const TEMP_PREFIX = '.clsm-en-cours-';

/** A UTC moment as `2026-11-23T101500Z`: sortable, valid on Windows shares (no colon), no data. */
export function momentStamp(at: Date): string {
  const iso = at.toISOString(); // 2026-11-23T10:15:00.000Z, a moment (UTC), not a Paris day
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** `clsm-sauvegarde-2026-11-23T101500Z`. */
export function finalName(at: Date): string {
  return `clsm-sauvegarde-${momentStamp(at)}`;
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
    const match = FINAL_PATTERN.exec(name);
    if (!match) continue;
    const path = join(shareDir, name);
    if (!statSync(path).isDirectory()) continue;
    found.push({ name, path, at: `${match[1]}T${match[2]}:${match[3]}:${match[4]}.000Z` });
  }
  return found.sort((a, b) => b.name.localeCompare(a.name));
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
