import { createDatabase, databaseConfigFromEnv } from './client.ts';

/** `npm run db:migrate`: applies pending migrations to the database named by the environment. */
const handle = await createDatabase({ ...databaseConfigFromEnv(process.env), asOwner: true });
try {
  await handle.migrate();
  console.log(`migrated (${handle.kind})`);
} finally {
  await handle.close();
}
