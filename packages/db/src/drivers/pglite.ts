import { APP_ROLE } from '../schema/columns.ts';
import type { Database, DatabaseConfig, DatabaseHandle } from '../client.ts';
import { migrateAll } from './migrate-all.ts';

export async function openPglite(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = config.dataDir ?? 'memory://';
  const client = await PGlite.create(dataDir.startsWith('memory://') ? dataDir : dataDir, {
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  const db = drizzle({ client }) as unknown as Database;
  // PGlite runs as a superuser, which bypasses RLS. Once migrated, the whole session runs as the app role.
  const actAsApp = async () => {
    if (!config.asOwner) await client.query(`SET ROLE ${APP_ROLE}`);
  };
  const roleExists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}'`);
  if (roleExists.rows.length) await actAsApp();
  return {
    db,
    kind: 'pglite',
    async migrate(plugins = []) {
      await client.query('RESET ROLE');
      await migrateAll(
        (migrationsFolder, migrationsTable) => migrate(drizzle({ client }), { migrationsFolder, migrationsTable }),
        plugins,
      );
      await actAsApp();
    },
    close: () => client.close(),
  };
}
