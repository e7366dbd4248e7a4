// The jobs worker: runs one job (tasks.ts) and reports its progress, result or coded error.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../errors';
import type { JobMessage, JobName } from './protocol';
import { TASKS } from './tasks';

const port = parentPort!;
const post = (message: JobMessage) => port.postMessage(message);
const { name, input } = workerData as { name: JobName; input: never };

try {
  const value = TASKS[name](input, (fraction) => post({ type: 'progress', fraction }));
  post({ type: 'done', value });
} catch (error) {
  // Only the code and its French message cross over: never a stack, never a path or a name.
  if (isAppError(error)) post({ type: 'error', code: error.code, message: error.message });
  else post({ type: 'error', code: 'INTERNAL', message: null });
}
