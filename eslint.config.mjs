// Lint: mainly the process boundary. The renderer runs in a sandboxed page: it must not import
// main-process code, the database layer, native modules, Electron or Node built-ins. It may import
// *types* from electron/ (the IPC contract), which vanish at build time.
import { builtinModules } from 'node:module';
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
    // Anything under electron/ except the contract, the API type and the pure shared modules…
    { regex: '(^|/)electron/(?!ipc/(contract|api)$|shared/[a-z-]+$)', message: 'Code du processus principal : interdit dans le renderer.' },
    // …and of the contract and the API, types only.
    { regex: '(^|/)electron/ipc/(contract|api)$', allowTypeImports: true, message: 'Seuls les types du contrat IPC sont autorisés dans le renderer (import type).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/artifacts/**', 'out/**'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.base],
    rules: {
      'no-debugger': 'error',
      '@typescript-eslint/no-restricted-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.mts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', rendererRestrictions],
    },
  },
);
