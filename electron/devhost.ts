// `npm run dev:host -- --data DIR [--port N] [--renderer DIR] [--auto-lock-seconds N]`
// Serves the built renderer and the main process handlers on 127.0.0.1 for a browser.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevHost } from './devhost/server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string', default: 'dist/renderer' },
      'auto-lock-seconds': { type: 'string' },
    },
  });
  if (!values.data) {
    process.stderr.write('Option obligatoire manquante : --data DOSSIER\n');
    process.exitCode = 2;
    return;
  }
  const autoLockSeconds = values['auto-lock-seconds'];
  const host = await startDevHost({
    dataDir: resolve(values.data),
    rendererDir: resolve(values.renderer ?? 'dist/renderer'),
    port: Number(values.port ?? 0),
    ...(autoLockSeconds ? { autoLockMs: Number(autoLockSeconds) * 1000 } : {}),
  });
  process.stdout.write(`Commission CLSM (hôte de développement) : ${host.url}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : 'Erreur interne'}\n`);
  process.exitCode = 1;
});
