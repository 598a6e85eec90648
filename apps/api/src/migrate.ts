import { createDatabase } from '@city/db/connect';
import { databaseConfigFromEnv } from '@city/db';
import { pluginMigrations } from './plugin-runtime/catalogue.ts';
import { plugins } from './plugins.ts';

/** `npm run db:migrate`: applies the core's pending migrations, then those of the plugins this deployment offers. */
const handle = await createDatabase({ ...databaseConfigFromEnv(process.env), asOwner: true });
try {
  await handle.migrate(pluginMigrations(plugins));
  console.log(`migrated (${handle.kind})`);
} finally {
  await handle.close();
}
