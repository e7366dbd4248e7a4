// Where e-mail drafts go: a folder the coordinator chose (Administration › Paramètres › Documents),
// checked when chosen and again when written to. A batch of drafts is written in a hidden temporary
// folder renamed once complete, so the mail client never sees half a batch; file names carry no
// name of a person in care (members are professionals: their drafts are named after them).
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors';
import type { Db } from '../../../db/connection';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settings';

export interface MailFolderView {
  folder: string;
  /** False when the folder is set but cannot be reached now (the page says so). */
  reachable: boolean;
}

function isWritableFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false; // missing, disconnected or forbidden: the caller says which setting to fix
  }
}

export function mailFolderView(db: Db): MailFolderView {
  const folder = readSetting(db, 'mailFolder') ?? '';
  return { folder, reachable: folder !== '' && isWritableFolder(folder) };
}

export function updateMailFolder(ctx: ServiceContext, input: { folder: string }): MailFolderView {
  if (input.folder !== '' && !isWritableFolder(input.folder))
    throw new AppError('MAIL_FOLDER_UNREACHABLE', { fields: { folder: 'Ce dossier est introuvable : vérifiez le chemin.' } });
  writeSetting(ctx.db, 'mailFolder', input.folder);
  ctx.audit('settings.updateMailFolder', null, input.folder === '' ? 'cleared=1' : null);
  return mailFolderView(ctx.db);
}

/** The chosen folder, or the error that names the setting: checked before any slow work. */
export function draftsFolder(db: Db): string {
  const { folder, reachable } = mailFolderView(db);
  if (folder === '') throw new AppError('MAIL_FOLDER_MISSING');
  if (!reachable) throw new AppError('MAIL_FOLDER_UNREACHABLE');
  return folder;
}

/** Writes one draft into the folder as `<name>.eml` (or `<name>-2.eml`, …); returns the file written. */
export function writeDraft(base: string, name: string, bytes: Buffer): string {
  const temporary = join(base, `.${name}.partiel-${process.pid}`);
  try {
    writeFileSync(temporary, bytes);
    let target = join(base, `${name}.eml`);
    for (let n = 2; existsSync(target); n += 1) target = join(base, `${name}-${n}.eml`);
    renameSync(temporary, target);
    return target;
  } catch (error) {
    rmSync(temporary, { force: true });
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw new AppError('MAIL_FOLDER_UNREACHABLE');
    throw error;
  }
}

/** Writes a batch into `<base>/<name>` (or `<name>-2`, …), all or nothing; returns the folder written. */
export function writeDrafts(base: string, name: string, files: { fileName: string; bytes: Buffer }[]): string {
  const temporary = join(base, `.${name}.partiel-${process.pid}`);
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary);
    for (const file of files) writeFileSync(join(temporary, file.fileName), file.bytes, { flag: 'wx' });
    let target = join(base, name);
    for (let n = 2; existsSync(target); n += 1) target = join(base, `${name}-${n}`);
    renameSync(temporary, target);
    return target;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    // A file-system refusal (disconnected drive, no right to write, disk full) is the folder's fault.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw new AppError('MAIL_FOLDER_UNREACHABLE');
    throw error;
  }
}
