// Lint: typescript-eslint with type information, plus the layer rules of the tree
// (docs/architecture.md): workflows stay deterministic, domain/ stays pure, the API
// reaches activities only through Temporal.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'crypto',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'stream',
  'util',
  'events',
];

const pureDomain = 'domain/ is pure: it imports zod and other domain/ modules only';

export default tseslint.config(
  {
    ignores: [
      'generated/**',
      'node_modules/**',
      'data/**',
      '.tools/**',
      'test-output/**',
      'dist/**',
      'test/histories/**',
      'api/web/dist/**',
      'api/web/vite.config.mts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prisma's JSON values and Express's request fields are `any` by their own types.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Workflow task interfaces return promises whether or not a step awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no database, activities only as types (proxyActivities).
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'workflow code is deterministic: no Node built-ins' })),
          patterns: [
            { group: ['node:*', 'fs/*'], message: 'workflow code is deterministic: no Node built-ins' },
            {
              group: ['@prisma/*', '**/prisma/*', '**/generated/**'],
              message: 'workflows reach the database only through activities',
            },
            {
              group: ['@temporalio/client', '@temporalio/worker', 'nodemailer', 'pg', 'express'],
              message: 'not in workflow code',
            },
            { group: ['./client/*'], message: 'workflows/client/ is for callers: workflow code never imports it' },
            {
              group: ['../activities', '../activities/*'],
              allowTypeImports: true,
              message: 'workflows call activities through proxyActivities: import their types only',
            },
          ],
        },
      ],
    },
  },
  {
    // The callers' side of the workflows (start once, schedules): never bundled into workflow code.
    files: ['workflows/client/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Pure rules: zod and other domain modules only (one folder deep: domain/taskKinds/).
    files: ['domain/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$)(?!\\./)', message: pureDomain }] }] },
  },
  {
    files: ['domain/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$)(?!\\./)(?!\\.\\./[^.])', message: pureDomain }] },
      ],
    },
  },
  {
    // The API talks to Temporal through the client and to the database through Prisma.
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/activities', '**/activities/*', '**/scripts', '**/scripts/*'],
              message:
                'api/ may not import activities/ or scripts/: start a workflow, or share the code from prisma/, workflows/ or domain/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The web app runs in the browser: it shares the pure rules of domain/ (as @domain) and
    // talks to everything else through the HTTP API.
    files: ['api/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Loading data in an effect and keeping the latest path in a ref is what useApi is for.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(\\.\\./)(activities|workflows|prisma|scripts|generated|routes)\\b',
              message: 'the web app reaches the server through the API: import only @domain and its own files',
            },
            {
              group: ['@domain/../*', 'node:*', '@prisma/*', '@temporalio/*', 'express'],
              message: 'not in the browser',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.js', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
