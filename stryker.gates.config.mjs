// Mutation testing, part 1 of 2 (issue 23; `npm run mutate` runs both): the pure gate functions,
// against their unit tests. Part 2 (`stryker.doors.config.mjs`) covers the loaders and every call
// site. A mutant that removes or weakens a gate must be killed; the score and the survivors, each
// with why it is harmless, are in docs/mutation.md. Line ranges follow the code by hand.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.gates.mts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  dryRunTimeoutMinutes: 20,
  // Messages are for people: their wording is pinned by the tests that read them, not by this run.
  mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
  ignoreStatic: true,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'tests/artifacts/mutation/gates.json' },
  tempDirName: 'tests/artifacts/stryker-tmp',
  // The e2e run writes its traces there meanwhile: never copy them into the sandbox.
  ignorePatterns: ['tests/artifacts'],
  cleanTempDir: 'always',
  mutate: [
    'electron/services/gates/g1-consent.ts',
    'electron/services/gates/g3-charter.ts:13-51',
    'electron/services/gates/g4-convention.ts:11-26',
    'electron/services/gates/g5-scope.ts',
    'electron/services/gates/g10-person.ts',
    'electron/services/gates/disclosure.ts:38-38',
    'electron/services/gates/disclosure.ts:75-104',
    'electron/services/situations/gates.ts:84-87',
    'electron/shared/person-names.ts',
    'electron/shared/folded-words.ts',
  ],
};
