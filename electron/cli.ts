// Entry point of the admin CLI (`npm run cli -- --help`). The commands live in cli/run.ts.
import { processIo } from './cli/io';
import { runCli } from './cli/run';

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Unexpected: say so in French, with the error class only (a message may carry data).
    process.stderr.write(`Erreur interne (${error instanceof Error ? error.name : typeof error}).\n`);
    process.exitCode = 1;
  },
);
