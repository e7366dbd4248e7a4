// Run by tsx in a child process: starts a set-up and kills its own process (SIGKILL, no cleanup
// code runs) at the step named on the command line, as a power cut or a crash would.
import { Vault } from '../../electron/services/vault';
import { COORDINATOR, ESTABLISHMENT } from '../fixtures/people';

const [dataDir, killAt] = process.argv.slice(2);
const vault = new Vault({
  dataDir: dataDir!,
  onSetupStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
void vault.initialize({
  establishmentName: ESTABLISHMENT,
  login: COORDINATOR.login,
  displayName: COORDINATOR.displayName,
  password: COORDINATOR.password,
});
