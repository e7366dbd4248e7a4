import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Real argon2id (64 MiB, t=3) runs in every unlock: a test may spend several seconds on it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
