import { fileURLToPath } from 'node:url';
import type { PluginMigrations } from '../client.ts';

/** The core's migrations on disk: read when migrating, never when a driver module is merely loaded (an edge isolate). */
export const coreMigrationsFolder = () => fileURLToPath(new URL('../../migrations', import.meta.url));

export type Migrate = (folder: string, table: string) => Promise<void>;
export type Query = (statement: string) => Promise<unknown>;

/** Any fixed number: the key of the advisory lock that lets one migrator at a time work on a shared server. */
const MIGRATION_LOCK = 727_278;

/**
 * Core first (plugins' tables may reference it), then plugins in the order given (dependencies first). On a server,
 * `query` runs on the migrator's single connection, which holds an advisory lock meanwhile: parallel test workers or
 * two deploys starting at once do not apply the same migration twice.
 */
export async function migrateAll(run: Migrate, plugins: readonly PluginMigrations[], query?: Query) {
  await query?.(`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await run(coreMigrationsFolder(), '__drizzle_migrations');
    for (const plugin of plugins)
      await run(plugin.folder, `__drizzle_migrations_${plugin.pluginId.replace(/-/g, '_')}`);
  } finally {
    await query?.(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}

/** A server's single owner connection (a pool of one), closed once migrations are done. */
interface OwnerPool {
  query(statement: string): Promise<unknown>;
  end(): Promise<void>;
}

/** Migrates a server (node-postgres or Neon) on one owner connection, which also holds the advisory lock. */
export async function migrateOnOwner<P extends OwnerPool>(
  owner: P,
  migrate: (owner: P, folder: string, table: string) => Promise<void>,
  plugins: readonly PluginMigrations[],
) {
  try {
    await migrateAll(
      (folder, table) => migrate(owner, folder, table),
      plugins,
      (statement) => owner.query(statement),
    );
  } finally {
    await owner.end();
  }
}
