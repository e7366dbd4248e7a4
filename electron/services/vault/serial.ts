// One at a time: keyring mutations and unlock attempts must not interleave. Two concurrent user
// creations would each rewrite the keyring from the copy they read (one slot lost); concurrent
// unlocks would each open a connection; concurrent wrong passwords would all be checked before
// the delay is recorded.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue goes on whatever the outcome; the caller sees the task's own result or error.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
