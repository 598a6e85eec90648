import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

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
    // Type-aware rules on TypeScript files, a chosen subset: the mistakes types can see (a promise nobody awaits, an
    // await on a non-promise, a needless assertion, a non-Error thrown). The whole recommendedTypeChecked set, and
    // Svelte files, cost minutes.
    files: ['**/*.ts'],
    ignores: ['**/*.svelte.ts', 'apps/portal/**', 'packages/plugin-sdk/template/**'],
    // One program for the whole tree: workspaces import each other's sources, so a program per tsconfig would check
    // nearly everything once per workspace.
    languageOptions: { parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: repositoryRoot } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
