// Bundles the main process, its jobs worker and the preload for Electron (dist/electron). Native modules, pdfmake (which
// reads its font files at run time) and resvg (which reads its .wasm) stay in node_modules. The dev host is not built.
import { build } from 'esbuild';

// Built for production: React (used to draw the report's charts) takes its production build.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};
const nativeAndAssets = ['electron', 'better-sqlite3-multiple-ciphers', 'argon2', 'pdfmake', '@resvg/resvg-wasm'];

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', external: nativeAndAssets });

// The jobs worker (services/jobs): backups checked and verified off the main thread.
await build({
  ...common,
  entryPoints: ['electron/services/jobs/worker-entry.ts'],
  outfile: 'dist/electron/jobs-worker.js',
  external: nativeAndAssets,
});

// A sandboxed preload may require nothing but `electron`: everything else is bundled in.
const preload = await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.js',
  external: ['electron'],
  metafile: true,
});
const imports = Object.values(preload.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
const forbidden = imports.filter((path) => path !== 'electron');
if (forbidden.length > 0) {
  console.error(`Le preload importe des modules interdits : ${forbidden.join(', ')}`);
  process.exit(1);
}
// The preload carries the channel names only (shared/channels.ts), never the contract and zod.
const PRELOAD_MAX_BYTES = 50 * 1024;
const preloadBytes = Object.values(preload.metafile.outputs)[0].bytes;
if (preloadBytes > PRELOAD_MAX_BYTES) {
  console.error(`Le preload pèse ${Math.round(preloadBytes / 1024)} Ko : il ne doit embarquer que les noms des canaux (50 Ko au plus).`);
  process.exit(1);
}
