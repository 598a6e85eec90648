import { APP_ROLE } from '../schema/columns.ts';
import type { Database, DatabaseConfig, DatabaseHandle } from '../client.ts';
import { fuseBegin, type QueryingClient } from './fused-begin.ts';
import { nameStatements, namesStatements } from './named-statements.ts';
import { migrateOnOwner } from './migrate-all.ts';

export async function openNodePostgres(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    // Every connection starts as the app role, so even platform queries cannot bypass RLS.
    ...(config.asOwner || config.appLogin ? {} : { options: `-c role=${APP_ROLE}` }),
  });
  const named = namesStatements(config);
  pool.on('connect', (client: QueryingClient) => {
    if (named) nameStatements(client);
    fuseBegin(client);
  });
  const db = drizzle({ client: pool }) as unknown as Database;
  return {
    db,
    kind: 'pg',
    async migrate(plugins = []) {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrateOnOwner(
        new pg.Pool({ connectionString: config.url, max: 1 }),
        (owner, migrationsFolder, migrationsTable) =>
          migrate(drizzle({ client: owner }), { migrationsFolder, migrationsTable }),
        plugins,
      );
    },
    close: () => pool.end(),
  };
}
