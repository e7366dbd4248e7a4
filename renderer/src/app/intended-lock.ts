// Work during which the main process locks the session on purpose (a restore replaces the base): the
// session poll must not take that lock for an inactivity lock and unmount the page awaiting the result
// — the result (success notice, or the reason of a failure) is what the user must see.
let running = 0;

export async function duringIntendedLock<T>(work: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
  }
}

export function intendedLockRunning(): boolean {
  return running > 0;
}
