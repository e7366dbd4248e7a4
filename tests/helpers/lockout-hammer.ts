// Run by tsx in a child process: waits for the common start moment, then records `count` failures
// on the throttle file as fast as it can, alongside the other processes doing the same.
import { Lockout } from '../../electron/services/vault/lockout';
import { systemClock } from '../../electron/shared/dates';

const [path, count, startAt] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
while (Date.now() < Number(startAt)) Atomics.wait(pause, 0, 0, 1);
const lockout = new Lockout(path!, systemClock);
for (let i = 0; i < Number(count); i++) lockout.recordFailure();
