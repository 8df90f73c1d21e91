// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Every Node built-in, bare and with the node: prefix, so app/ and renderer/ cannot reach one.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const nodePatterns = [{ group: ['node:*'], message: 'Node APIs belong in main/ or emulator/.' }];

// Imports of modules whose rules now live in app/policy (URL policy, region, partitions).
const removedHomes = {
  group: ['**/console/hosts', '**/auth/url-guard', '**/shell/origins'],
  message: 'URL and region rules live in app/policy/ (urls, region, partitions).',
};

// Selectors for no-restricted-syntax that keep a rule in its home module.
const regionLiteral = {
  selector: 'Literal[regex.pattern=/us-gov|\\[a-z\\]\\{2\\}-|eusc/]',
  message: 'Region syntax lives in app/policy/region.ts: import isRegion or regionSchema.',
};
const hostnameCheck = {
  selector: 'CallExpression[callee.property.name="endsWith"][callee.object.property.name="hostname"]',
  message: 'Host checks live in app/policy/urls.ts: use checkUrl or assertUrl.',
};
const newUrl = {
  selector: "NewExpression[callee.name='URL']",
  message: 'In app/, parse with parseUrl (app/console/url.ts).',
};

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
    // CommonJS on purpose (bin/package.json): see bin/lanyard.js.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
            removedHomes,
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
            removedHomes,
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
            removedHomes,
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
    // Each rule has one home: region syntax and host checks live in app/policy/, not restated elsewhere.
    files: ['main/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', regionLiteral, hostnameCheck] },
  },
  {
    // app/ also parses URLs only through parseUrl (app/console/url.ts), which types the WHATWG URL.
    files: ['app/**/*.ts'],
    ignores: ['app/policy/**', 'app/console/url.ts'],
    rules: { 'no-restricted-syntax': ['error', regionLiteral, hostnameCheck, newUrl] },
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
