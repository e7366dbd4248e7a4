// Mutation testing, part 2 of 2 (issue 23): the gates' loaders and every line of the main process
// that calls a gate — each door — against the integration tests that go through them
// (tests/mutation/vitest.doors.mts). Line ranges follow the code by hand: when a file listed here
// changes, check its ranges. Results: docs/mutation.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.doors.mts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  dryRunTimeoutMinutes: 30,
  timeoutMS: 120_000,
  mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
  ignoreStatic: true,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'tests/artifacts/mutation/doors.json' },
  tempDirName: 'tests/artifacts/stryker-tmp',
  // The e2e run writes its traces there meanwhile: never copy them into the sandbox.
  ignorePatterns: ['tests/artifacts'],
  cleanTempDir: 'always',
  mutate: [
    // Loaders of the gates: where a fact decides.
    'electron/services/gates/g3-charter.ts:57-87',
    'electron/services/gates/g4-convention.ts:28-33',
    'electron/services/gates/disclosure.ts:118-200',
    'electron/services/situations/gates.ts:72-72',
    // G5 live, action owners, per-recipient convocations, names, retention.
    'electron/services/meetings/room.ts:53-90',
    'electron/services/meetings/room.ts:107-115',
    'electron/services/meetings/action-owners.ts:14-27',
    'electron/services/meetings/action-owners.ts:36-66',
    'electron/services/meetings/convocations.ts:20-50',
    'electron/services/meetings/convocations.ts:101-123',
    'electron/services/situations/shared-text.ts:18-30',
    'electron/services/retention/candidates.ts:49-79',
    'electron/services/retention/minutes.ts:30-53',
    'electron/services/retention/minutes.ts:66-74',
    // Every call site of a gate.
    'electron/services/situations/documents.ts:25-25',
    'electron/services/situations/documents.ts:55-55',
    'electron/services/situations/progress.ts:18-18',
    'electron/services/situations/referral.ts:73-73',
    'electron/services/retention/access.ts:26-26',
    'electron/services/retention/service.ts:47-62',
    'electron/services/meetings/actions.ts:144-146',
    'electron/services/meetings/actions.ts:186-192',
    'electron/services/meetings/actions.ts:276-279',
    'electron/services/meetings/agenda.ts:148-149',
    'electron/services/meetings/agenda.ts:177-178',
    'electron/services/meetings/agenda.ts:245-249',
    'electron/services/meetings/session.ts:143-143',
    'electron/services/meetings/session.ts:193-195',
    'electron/services/meetings/session.ts:228-229',
    'electron/services/meetings/attendance.ts:105-105',
    'electron/services/meetings/attendance.ts:146-160',
    'electron/services/meetings/documents.ts:71-71',
    'electron/services/meetings/documents.ts:94-95',
    'electron/services/meetings/documents.ts:112-112',
    'electron/services/meetings/documents.ts:120-124',
    'electron/services/minutes/documents.ts:82-84',
    'electron/services/minutes/documents.ts:99-99',
    'electron/services/minutes/documents.ts:127-127',
    'electron/services/minutes/documents.ts:180-180',
    'electron/services/minutes/signed-documents.ts:60-60',
    'electron/services/minutes/signing.ts:165-168',
    'electron/services/minutes/status.ts:59-65',
    'electron/services/consents/consents.ts:193-193',
    'electron/services/consents/consents.ts:245-245',
    'electron/services/meetings/meetings.ts:157-157',
    // The e-mail doors: the same gates as the printed convocation and extract.
    'electron/services/meetings/mail.ts:42-42',
  ],
};
