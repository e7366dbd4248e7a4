// Long work off the main process: backups checked, backups verified, the whole trail verified run
// in a worker thread with its own SQLite connection, so the window never freezes for more than a
// moment (issue 28: no block over 100 ms). The main process only starts the job, relays its
// progress and gets its result; errors come back as the app's own codes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, isAppError } from '../../errors';
import type { ErrorCode } from '../../errors';
import type { JobInput, JobName, JobOutput, JobMessage } from './protocol';

/**
 * The bundled worker beside the bundled main process (dist/electron), else the TypeScript source
 * loaded through tsx (the dev host, the CLI through `npm run cli`, the tests).
 */
function workerScript(): { code: string; eval: true } | { file: string; eval: false } {
  const bundled = join(__dirname, 'jobs-worker.js');
  if (existsSync(bundled)) return { file: bundled, eval: false };
  const source = join(__dirname, 'worker-entry.ts');
  return { code: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, eval: true };
}

export function runJob<N extends JobName>(name: N, input: JobInput<N>, onProgress?: (fraction: number) => void): Promise<JobOutput<N>> {
  const script = workerScript();
  const worker = new Worker(script.eval ? script.code : script.file, { eval: script.eval, workerData: { name, input } });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: JobMessage) => {
      if (message.type === 'progress') onProgress?.(message.fraction);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.value as JobOutput<N>);
      } else {
        settled = true;
        reject(new AppError(message.code as ErrorCode, message.message ? { message: message.message } : {}));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(isAppError(error) ? error : new AppError('INTERNAL'));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new AppError('INTERNAL', { message: `Le travail en arrière-plan s’est arrêté (code ${code}).` }));
    });
  });
}
