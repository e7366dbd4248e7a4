// The integration tests that go through every door of a gate: what `stryker.doors.config.mjs` runs
// per mutant (only those that cover it). The whole suite would take hours per run.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: [
      'tests/integration/disclosure-*.test.ts',
      'tests/integration/mail-drafts.test.ts',
      'tests/integration/meetings-agenda.test.ts',
      'tests/integration/meetings-session.test.ts',
      'tests/integration/minutes.test.ts',
      'tests/integration/retention.test.ts',
      'tests/integration/retention-referrals-minutes.test.ts',
      'tests/integration/situation-channels.test.ts',
      'tests/integration/situations.test.ts',
    ],
    // Real argon2id runs in every unlock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
