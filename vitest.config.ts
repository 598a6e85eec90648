import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/build/**', '**/.svelte-kit/**', '**/dist/**'];
const integrationFiles = [
  'apps/**/*.int.test.ts',
  'packages/**/*.int.test.ts',
  'plugins/**/*.int.test.ts',
  'tests/integration/**/*.test.ts',
  'tests/isolation/**/*.test.ts',
];
// Integration files share their worker's modules (no per-file re-import of the whole app): product code keeps no
// module-level state, and the test kit's caches (migrated snapshots, built worlds) are then made once per worker.
const slow = { testTimeout: 60_000, hookTimeout: 60_000, isolate: false };

/**
 * Projects: `unit` (pure, beside the code), `integration` (the real app on PGlite), `postgres` / `neon` (the same
 * integration files against DATABASE_URL through node-postgres and through Neon's driver), `edge` (the worker bundle in
 * workerd), `e2e` (Chromium).
 * tests/run.ts decides which run; the database is chosen by TEST_DATABASE inside @city/db/testing, which @city/testing
 * (the test kit) uses.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'apps/**/*.test.ts',
            'packages/**/*.test.ts',
            'plugins/**/*.test.ts',
            'infra/**/*.test.ts',
            'tests/repo/**/*.test.ts',
          ],
          exclude: [...ignored, '**/*.int.test.ts', '**/*.edge.test.ts'],
          globalSetup: ['tests/support/svelte-kit-sync.setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // The fuzz test counts every table's rows around each refusal: it needs a database of its own (PGlite).
          include: [...integrationFiles, 'tests/fuzz/**/*.test.ts'],
          exclude: ignored,
          ...slow,
          env: { TEST_DATABASE: 'pglite' },
        },
      },
      {
        test: { name: 'postgres', include: integrationFiles, exclude: ignored, ...slow, env: { TEST_DATABASE: 'pg' } },
      },
      {
        test: {
          name: 'neon',
          include: integrationFiles,
          exclude: ignored,
          ...slow,
          env: { TEST_DATABASE: 'neon' },
          globalSetup: ['tests/support/neon-proxy.setup.ts'],
        },
      },
      {
        test: {
          // The API inside workerd (Miniflare) against DATABASE_URL through the Neon driver, and the pooled path.
          name: 'edge',
          include: ['tests/edge/**/*.test.ts', '**/*.edge.test.ts'],
          exclude: ignored,
          ...slow,
          // The Node test kit arranges data on the same database the worker reads.
          env: { TEST_DATABASE: 'pg' },
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ignored,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page waits as long as Playwright's own actions do (30 s), not vitest's 1 s: on a busy machine a server
          // action (sending a code, hashing a password) takes longer than a second, which is slow, not wrong.
          expect: { poll: { timeout: 30_000, interval: 100 } },
          fileParallelism: false,
          globalSetup: ['tests/e2e/support/build.setup.ts'],
        },
      },
    ],
  },
});
