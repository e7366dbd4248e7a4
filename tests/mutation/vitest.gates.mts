// The unit tests that pin the pure gate functions: what `stryker.gates.config.mjs` runs per mutant.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: ['electron/**/*.test.ts'], testTimeout: 60_000, pool: 'forks' },
});
