// Lint: typescript-eslint's recommended rules over the project's own code, and the layers the
// folders stand for (README's layout table): the rules and their engine are pure (no extension
// API, DOM or Node), and the UI does not reach into the command line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// What the engine and the rules may not touch: they run in the worker, in Node (CLI) and in
// tests alike, and never see the page, storage or the network.
const PURE_IMPORTS = {
  patterns: [
    { group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'], message: 'rules/ is pure: no extension API (pass what a rule needs in through the context).' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'rules/ is pure: no Node modules (the CLI reads files and passes their content).' },
    { group: ['**/content/**', '**/components/**', '**/entrypoints/**', '**/background/**', '**/images/**', '**/cli/**', '**/packs', '**/packs/**'], message: 'rules/ sits below the page, the UI, the CLI and the packs: they import it, not the reverse (the caller passes the pack).' },
    { group: ['**/settings/**', '!**/settings/schema'], message: 'rules/ reads settings only through their schema type.' },
    { group: ['**/settings/schema'], allowTypeImports: true, message: 'rules/ imports only the Settings type.' },
  ],
};
const PAGE_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'chrome', 'browser', 'HTMLElement', 'Element', 'Node', 'process', 'Buffer', 'require', '__dirname'].map(
  (name) => ({ name, message: 'rules/ is pure: no page, extension or Node globals.' }),
);

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.cli/', '.wxt/', 'scratch/', 'demo-screenshots/', 'tests/browser/fixtures/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', PURE_IMPORTS],
      'no-restricted-globals': ['error', ...PAGE_GLOBALS],
    },
  },
  {
    // The UI (page, popup, options page) does not import the command line: what both need
    // (validation with JSON paths, JSON with line and column) lives in settings/.
    files: ['components/**/*.{ts,tsx}', 'content/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/cli', '**/cli/**'], message: 'The UI does not import the command line: shared code belongs in settings/ or packs/.' }] }],
    },
  },
);
