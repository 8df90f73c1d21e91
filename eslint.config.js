// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Every Node built-in, bare and with the node: prefix, so app/ and renderer/ cannot reach one.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const nodePatterns = [{ group: ['node:*'], message: 'Node APIs belong in main/ or emulator/.' }];

const electronOnlyInShell = {
  name: 'electron',
  message: 'Electron is imported only in main/shell/: keep everything else testable in plain Node.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '*.ts', 'scripts/*.mjs', 'bench/*.mjs', 'bin/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // app/: pure and shared. No Node, no Electron, no React, no DOM, and no reaching into other rooms.
    files: ['app/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'app/ is pure: no Node built-ins.' })),
            { name: 'electron', message: 'app/ is pure: no Electron.' },
            { name: 'react', message: 'app/ is pure: React belongs in renderer/.' },
            { name: 'react-dom', message: 'app/ is pure: React belongs in renderer/.' },
          ],
          patterns: [
            ...nodePatterns,
            {
              group: ['**/main/**', '**/renderer/**', '**/emulator/**', '**/test/**'],
              message: 'app/ imports only app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // renderer/: runs sandboxed in Chromium; talks to main only through the preload bridge.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
            { name: 'electron', message: 'The renderer reaches main through window.lanyard only.' },
          ],
          patterns: [
            ...nodePatterns,
            {
              group: ['**/main/**', '**/emulator/**', '**/test/**'],
              message: 'renderer/ never imports main/ or emulator/.',
            },
          ],
        },
      ],
    },
  },
  {
    // main/ outside the shell: plain Node, so the CLI and tests can run it.
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/renderer/**', '**/emulator/**', '**/test/**'],
              message: 'main/ imports app/ and main/ only.',
            },
            {
              group: ['**/shell', '**/shell/**', './shell/**'],
              message: 'Nothing in main/ depends on the Electron shell; the shell depends on main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/emulator/**', '**/test/**'],
              message: 'The shell wires main/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    // emulator/: a stand-alone Identity Center; it shares nothing with the product so it cannot hide our bugs.
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/app/**', '**/test/**'],
              message: 'The emulator is independent of Lanyard.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI, the emulator's launcher, scripts, tests and benchmarks print on purpose.
    files: ['main/cli/**', 'emulator/cli.ts', 'scripts/**', 'bench/**', 'test/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
