// Run by tsx in a child process: a key rotation on an initialised folder, killed (SIGKILL) at the step
// named on the command line.
import { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';

const [dataDir, killAt] = process.argv.slice(2);
const vault = new Vault({
  dataDir: dataDir!,
  onRotationStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
void vault
  .unlock(COORDINATOR.login, COORDINATOR.password)
  .then(() => vault.exclusive(() => vault.rotateKey(COORDINATOR.login, COORDINATOR.password)));
