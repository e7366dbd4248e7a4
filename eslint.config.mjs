// Lint: the process boundaries first (Signal-Desktop style), then type-checked rules.
// - The renderer runs in a sandboxed page: no main-process code, database, native modules,
//   Electron or Node built-ins; types from the IPC contract, values from electron/shared only.
// - Services and the database layer never import Electron: they run (and are tested) in Node.
// - Days and moments go through the one dates module and the injected clock.
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export const rendererRestrictions = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'Le renderer ne peut pas utiliser Node : passez par window.clsm.' })),
    { name: 'electron', message: 'Le renderer ne peut pas importer Electron : passez par window.clsm.' },
  ],
  patterns: [
    { group: ['better-sqlite3*', 'argon2', 'argon2/*'], message: 'Module natif du processus principal : interdit dans le renderer.' },
    { group: ['**/db', '**/db/**'], message: 'La base de données appartient au processus principal.' },
    // Anything under electron/ except the contract, the API type, the pure shared modules and the charts…
    {
      regex: '(^|/)electron/(?!ipc/(contract|api)$|shared/[a-z-]+$|charts/[a-z-]+$)',
      message: 'Code du processus principal : interdit dans le renderer.',
    },
    // …and of the contract and the API, types only.
    {
      regex: '(^|/)electron/ipc/(contract|api)$',
      allowTypeImports: true,
      message: 'Seuls les types du contrat IPC sont autorisés dans le renderer (import type).',
    },
  ],
};

const noElectron = {
  name: 'electron',
  message: 'Les services et la base ne dépendent pas d’Electron : ils tournent et se testent sous Node.',
};

// The layers of the main process, lowest first (VS Code style: an arrow that runs back up fails the
// build). shared → errors → db → pdf/docx → services → ipc/cli/devhost/main. Each rule says what a
// layer may not import; tests/unit/lint-rules.test.ts makes each one fire on a probe.
const ABOVE_SERVICES = {
  regex: '(^|/)(ipc|cli|devhost|renderer)(/|$)',
  message: 'Un service ne dépend ni de l’IPC, ni de la CLI, ni du dev host, ni du renderer : ce sont eux qui l’appellent.',
};
export const layerRestrictions = {
  shared: {
    paths: [
      ...nodeBuiltins.map((name) => ({
        name,
        message: 'electron/shared est pur : ni Node, ni React, ni zod (il sert aux deux processus).',
      })),
      ...['electron', 'react', 'react-dom', 'zod'].map((name) => ({
        name,
        message: 'electron/shared est pur : ni Node, ni React, ni zod (il sert aux deux processus).',
      })),
    ],
    patterns: [
      {
        group: ['react/*', 'react-dom/*', '@nivo/*', 'better-sqlite3*', 'argon2'],
        message: 'electron/shared est pur : ni Node, ni React, ni zod (il sert aux deux processus).',
      },
      { regex: '^\\.\\./', message: 'electron/shared n’importe que ses propres modules : il est sous toutes les couches.' },
    ],
  },
  errors: {
    paths: [noElectron],
    patterns: [{ regex: '^\\.\\./(?!shared/)', message: 'electron/errors n’importe rien au-dessus de lui (seulement electron/shared).' }],
  },
  db: {
    paths: [noElectron],
    patterns: [
      {
        regex: '(^|/)electron/(?!(shared|errors)(/|$))|(^|/)renderer(/|$)',
        message: 'La base (db/) n’importe que electron/shared et electron/errors : jamais un service ni l’IPC.',
      },
    ],
  },
  documents: {
    paths: [noElectron],
    patterns: [
      {
        regex: '(^|/)(services|ipc|cli|devhost|renderer|db)(/|$)',
        message: 'pdf/ et docx/ prennent leurs propres types d’entrée (electron/shared) et n’importent jamais un service.',
      },
    ],
  },
  services: { paths: [noElectron], patterns: [ABOVE_SERVICES] },
};

// Files the lint tests (tests/unit/lint-rules.test.ts) lint from text; they never exist on disk.
const LINT_PROBES = [
  'renderer/src/lint-probe.ts',
  'renderer/src/pages/lint-probe.ts',
  'electron/services/lint-probe.ts',
  'electron/lint-probe.ts',
  'db/lint-probe.ts',
  'electron/shared/lint-probe.ts',
  'electron/errors/lint-probe.ts',
  'electron/pdf/lint-probe.ts',
  'electron/docx/lint-probe.ts',
];

export const dateRestrictions = [
  {
    selector:
      "CallExpression[callee.property.name='slice'][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
    message: 'Un jour calculé en UTC n’est pas le jour à Paris : utilisez electron/shared/dates (today, parisDay).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'L’heure vient de l’horloge injectée (Clock), jamais de new Date() : voir electron/shared/dates.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/artifacts/**', 'out/**', 'eslint.config.mjs'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: LINT_PROBES,
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: LINT_PROBES.length,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-debugger': 'error',
      'no-restricted-syntax': ['error', ...dateRestrictions],
      // Unused names are a compile error already (or deliberate `_` parameters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // React handlers and fire-and-forget UI calls are marked with `void`; a promise elsewhere must be awaited.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The one clock of the app.
    files: ['electron/shared/dates.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.mts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The hooks rules proper; the React Compiler's extra rules do not apply (no compiler here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', rendererRestrictions],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layerRestrictions.services] },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layerRestrictions.db] },
  },
  {
    files: ['electron/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layerRestrictions.shared] },
  },
  {
    files: ['electron/errors/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layerRestrictions.errors] },
  },
  {
    files: ['electron/pdf/**/*.ts', 'electron/docx/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layerRestrictions.documents] },
  },
  {
    // Tests reach into values freely (fixtures, spies, parsed JSON).
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
