// A lock shared by every process on one data folder, for the small read-modify-write steps on its
// state files (the unlock throttle): without it, ten processes refused at once each read the same
// count and write it back plus one. proper-lockfile (mkdir is atomic on every file system, network
// shares included; a lock left by a killed process goes stale) rather than an OS lock, which Node
// does not offer. Its sync API takes no retries: the wait between tries is ours, a few
// milliseconds, since what runs under the lock is one small file read and write.
import lockfile from 'proper-lockfile';
import { AppError } from '../../errors';

/** A lock left by a process killed in the middle of its step is taken over after this long. */
const STALE_MS = 5_000;
/** Past this, the folder is held by something else than a step of a few milliseconds. */
const GIVE_UP_MS = 15_000;
const RETRY_MS = 5;

const pause = new Int32Array(new SharedArrayBuffer(4));

export function withFolderLock<T>(lockPath: string, step: () => T): T {
  const started = Date.now();
  for (;;) {
    let release: () => void;
    try {
      release = lockfile.lockSync(lockPath, { realpath: false, stale: STALE_MS, lockfilePath: lockPath });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No data folder yet (before set-up): nothing on disk to share, nothing to lock.
      if (code === 'ENOENT') return step();
      if (code !== 'ELOCKED') throw error;
      if (Date.now() - started > GIVE_UP_MS) throw new AppError('DATA_FOLDER_BUSY');
      Atomics.wait(pause, 0, 0, RETRY_MS); // a synchronous pause: the step under the lock is synchronous too
      continue;
    }
    try {
      return step();
    } finally {
      release();
    }
  }
}
