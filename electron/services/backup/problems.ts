import { AppError } from '../../errors';

/** A backup that does not verify, with every problem named in French. */
export function verifyFailed(problems: string[]): AppError {
  return new AppError('BACKUP_VERIFY_FAILED', { message: `La vérification de la sauvegarde a échoué : ${problems.join(' ; ')}.` });
}
