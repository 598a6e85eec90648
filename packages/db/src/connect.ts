import { pickDriver, type DatabaseConfig, type DatabaseHandle } from './client.ts';

/**
 * Opens the configured database. Node entry points (the server, migrations, tests) import this; an edge bundle imports
 * `@city/db/neon` alone, so PGlite and node-postgres never reach it.
 */
export async function createDatabase(config: DatabaseConfig = {}): Promise<DatabaseHandle> {
  const kind = pickDriver(config);
  // Each driver is its own module, loaded only when chosen: an edge bundle (apps/api/edge) imports only the Neon one.
  if (kind === 'pglite') return (await import('./drivers/pglite.ts')).openPglite(config);
  if (kind === 'pg') return (await import('./drivers/pg.ts')).openNodePostgres(config);
  return (await import('./drivers/neon.ts')).openNeon(config);
}
