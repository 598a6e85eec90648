/**
 * The last step of `npm install` (the root package's postinstall): what the first `npm start` would otherwise spend
 * most of its time on, done once here — the product's migrated embedded database (a snapshot the first start
 * restores, packages/db/src/snapshots.ts) and the portal's build (turbo's cache, which `npm start` then finds). Each
 * is made again only when its inputs change.
 */
import { spawnSync } from 'node:child_process';
import { schemaSnapshot } from '@city/db/snapshots';
import { pluginMigrations } from '../apps/api/src/plugin-runtime/catalogue.ts';
import { plugins } from '../apps/api/src/plugins.ts';

const started = performance.now();
await schemaSnapshot(pluginMigrations(plugins));
const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@city/portal', '--output-logs=errors-only'], {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`prepared for npm start in ${((performance.now() - started) / 1000).toFixed(0)} s`);
