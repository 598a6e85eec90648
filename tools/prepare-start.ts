/**
 * The last step of `npm install` (the root package's postinstall): what the first `npm start` would otherwise spend
 * most of its time on, done once here — the product's migrated embedded database (a snapshot the first start
 * restores, packages/db/src/snapshots.ts), the portal's build and the server's bundle (tools/start-builds.ts, which
 * `npm start` then finds up to date). Each is made again only when its inputs change.
 */
import { schemaSnapshot } from '@city/db/snapshots';
import { pluginMigrations } from '../apps/api/src/plugin-runtime/catalogue.ts';
import { plugins } from '../apps/api/src/plugins.ts';
import { buildPortal, serverBundle, sourcesHash } from './start-builds.ts';

const started = performance.now();
await schemaSnapshot(pluginMigrations(plugins));
const hash = sourcesHash();
buildPortal(hash);
await serverBundle(hash);
console.log(`prepared for npm start in ${((performance.now() - started) / 1000).toFixed(0)} s`);
