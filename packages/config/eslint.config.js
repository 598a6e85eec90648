import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What browser code must not import at run time (types are erased, so `import type` stays allowed). */
const SERVER_ONLY = {
  paths: [
    {
      name: '@city/contracts',
      message: 'Browser code imports @city/contracts/values: the root entry brings zod and zod-to-openapi.',
    },
    ...['zod', '@hono/zod-openapi', 'hono', '@city/db', '@city/core', '@city/auth', '@city/api', '@city/documents'].map(
      (name) => ({ name, message: 'Server code: not for browsers.' }),
    ),
    {
      name: '@city/plugin-sdk',
      message: 'The manifest side of the SDK brings zod: browser code uses @city/plugin-sdk/portal, /links and /ui.',
    },
    {
      name: '$app/forms',
      importNames: ['enhance'],
      message:
        'Forms use enhance from #lib/enhance.ts (pending buttons, no double submit, announced result); plugin pages use kit.enhance.',
    },
    ...['server', 'schema', 'documents'].map((entry) => ({
      name: `@city/plugin-sdk/${entry}`,
      message: 'Server code of the plugin SDK: not for browsers.',
    })),
  ],
  patterns: [
    {
      group: ['drizzle-orm', 'drizzle-orm/*', '@city/db/*', '@city/core/*'],
      message: 'Server code: not for browsers.',
    },
    {
      group: ['**/schema.ts', '**/server/**', '**/server.ts', '**/contracts.ts'],
      message: 'Portal code never imports server modules, tables or zod schemas (import type is fine).',
    },
  ].map((pattern) => ({ ...pattern, allowTypeImports: true })),
};
for (const path of SERVER_ONLY.paths) path.allowTypeImports = true;

/** Code that runs in browsers: portal pages and components, plugin pages, shared UI, the zod-free contracts. */
const BROWSER_CODE = [
  'apps/portal/src/**/*.svelte',
  'apps/portal/src/**/+page.ts',
  'apps/portal/src/**/+layout.ts',
  'apps/portal/src/lib/*.ts',
  'apps/portal/src/lib/i18n/*.ts',
  'plugins/*/src/portal/**/*.ts',
  'plugins/*/src/portal/**/*.svelte',
  'packages/ui/src/**',
  'packages/contracts/src/values/**',
  'packages/plugin-sdk/src/portal.ts',
  'packages/plugin-sdk/src/links.ts',
  'packages/plugin-sdk/src/ui.ts',
];

/** The shared lint preset: TypeScript and Svelte 5, errors for what hides bugs, nothing purely stylistic. */
export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/dist/**',
      '**/.svelte-kit/**',
      '**/.data/**',
      '**/migrations/meta/**',
      'tests/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // Every URL is built by the typed helpers in apps/portal/src/lib/routes.ts and the app has no base path,
      // so wrapping each href in resolve() would add nothing.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    // Type-aware rules on TypeScript files, a chosen subset: the mistakes types can see (a promise nobody awaits or
    // hands to a listener, an await on a non-promise, a return that escapes its try, a non-Error thrown). The whole
    // recommendedTypeChecked set, and Svelte files, cost minutes. Not no-unnecessary-type-assertion: this one program
    // sees a few types less precisely than each workspace's own (its Svelte imports are opaque), so it would remove
    // assertions the workspaces' type checks need.
    files: ['**/*.ts'],
    ignores: ['**/*.svelte.ts', 'apps/portal/**', 'packages/plugin-sdk/template/**'],
    // One program for the whole tree: workspaces import each other's sources, so a program per tsconfig would check
    // nearly everything once per workspace.
    languageOptions: { parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: repositoryRoot } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: BROWSER_CODE,
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', SERVER_ONLY] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
