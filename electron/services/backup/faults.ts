// Turns what the file system or SQLite said about the share into one of the French answers the
// coordinator can act on. Anything else stays an internal error (it is a bug, not a share).
import { AppError } from '../../errors';

const SHARE_CODES: Record<string, 'BACKUP_SHARE_MISSING' | 'BACKUP_SHARE_READONLY' | 'BACKUP_SHARE_FULL'> = {
  ENOENT: 'BACKUP_SHARE_MISSING',
  ENOTDIR: 'BACKUP_SHARE_MISSING',
  EHOSTDOWN: 'BACKUP_SHARE_MISSING',
  ENETUNREACH: 'BACKUP_SHARE_MISSING',
  EACCES: 'BACKUP_SHARE_READONLY',
  EPERM: 'BACKUP_SHARE_READONLY',
  EROFS: 'BACKUP_SHARE_READONLY',
  SQLITE_READONLY: 'BACKUP_SHARE_READONLY',
  SQLITE_CANTOPEN: 'BACKUP_SHARE_READONLY',
  ENOSPC: 'BACKUP_SHARE_FULL',
  EDQUOT: 'BACKUP_SHARE_FULL',
  EFBIG: 'BACKUP_SHARE_FULL',
  SQLITE_FULL: 'BACKUP_SHARE_FULL',
};

export function shareFault(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const mapped = SHARE_CODES[code] ?? (code.startsWith('SQLITE_IOERR') ? 'BACKUP_SHARE_READONLY' : undefined);
  return mapped ? new AppError(mapped) : null;
}

export function asShareFault(error: unknown): unknown {
  return shareFault(error) ?? error;
}
