// `npm start` rebuilds the SQLite native module for Electron's ABI; the tests run on Node.
// Before testing, make sure the module loads in Node, and rebuild it for Node if it does not.
const { execSync, spawnSync } = require('node:child_process');

const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3-multiple-ciphers'))(':memory:').close()"], {
  encoding: 'utf8',
});
if (probe.status !== 0) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(probe.stderr)) {
    process.stderr.write(probe.stderr);
    process.exit(1);
  }
  console.log('Module SQLite compilé pour Electron : recompilation pour Node…');
  execSync('npm rebuild better-sqlite3-multiple-ciphers', { stdio: 'inherit' });
}
