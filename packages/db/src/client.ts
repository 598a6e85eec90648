import { fileURLToPath } from 'node:url';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { APP_ROLE } from './schema/columns.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** All three drivers return `{ rows }` from execute(); node-postgres's result type describes it. */
export type Database = PgDatabase<NodePgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'pg' | 'neon';

/** A plugin's migrations: applied after the core's, tracked in a table of their own. */
export interface PluginMigrations {
  pluginId: string;
  folder: string;
}

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies pending migrations (the core's, then each plugin's) using the connection's owner privileges. */
  migrate(plugins?: readonly PluginMigrations[]): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** No URL → embedded PGlite. `postgres://` → node-postgres. Neon hosts (or driver: 'neon') → Neon's WebSocket Pool. */
  url?: string | undefined;
  driver?: 'pg' | 'neon' | undefined;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string | undefined;
  /** PGlite: start from a dump made by dumpDataDir() (tests restore a migrated snapshot). */
  loadDataDir?: Blob | File | undefined;
  /** Neon through a local WebSocket-to-TCP proxy (`host:port`), e.g. the one in infra/neon-ws-proxy. */
  neonWsProxy?: string | undefined;
  /** Connect as the owner instead of the app role: only for migrations and operator scripts. */
  asOwner?: boolean | undefined;
  poolSize?: number | undefined;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

type Migrate = (folder: string, table: string) => Promise<void>;
type Query = (statement: string) => Promise<unknown>;

/** Any fixed number: the key of the advisory lock that lets one migrator at a time work on a shared server. */
const MIGRATION_LOCK = 727_278;

/**
 * Core first (plugins' tables may reference it), then plugins in the order given (dependencies first). On a server,
 * `query` runs on the migrator's single connection, which holds an advisory lock meanwhile: parallel test workers or
 * two deploys starting at once do not apply the same migration twice.
 */
async function migrateAll(run: Migrate, plugins: readonly PluginMigrations[], query?: Query) {
  await query?.(`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await run(MIGRATIONS_FOLDER, '__drizzle_migrations');
    for (const plugin of plugins)
      await run(plugin.folder, `__drizzle_migrations_${plugin.pluginId.replace(/-/g, '_')}`);
  } finally {
    await query?.(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}

export function pickDriver(config: DatabaseConfig): DatabaseKind {
  if (!config.url) return 'pglite';
  if (config.driver) return config.driver;
  const host = new URL(config.url).hostname;
  return host.endsWith('.neon.tech') || host.endsWith('.neon.build') ? 'neon' : 'pg';
}

export async function createDatabase(config: DatabaseConfig = {}): Promise<DatabaseHandle> {
  const kind = pickDriver(config);
  if (kind === 'pglite') return openPglite(config);
  if (kind === 'pg') return openNodePostgres(config);
  return openNeon(config);
}

/** Reads the database settings from the environment (DATABASE_URL, DATABASE_DRIVER, DATA_DIR, NEON_WS_PROXY). */
export function databaseConfigFromEnv(env: Record<string, string | undefined>): DatabaseConfig {
  const driver = env.DATABASE_DRIVER;
  if (driver && driver !== 'pg' && driver !== 'neon')
    throw new Error(`DATABASE_DRIVER must be pg or neon, not ${driver}`);
  return {
    url: env.DATABASE_URL || undefined,
    driver: driver as DatabaseConfig['driver'],
    dataDir: env.DATA_DIR || '.data',
    neonWsProxy: env.NEON_WS_PROXY || undefined,
  };
}

async function openPglite(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = config.dataDir ?? 'memory://';
  const client = await PGlite.create(dataDir.startsWith('memory://') ? dataDir : dataDir, {
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  const db = drizzle({ client, schema }) as unknown as Database;
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

async function openNodePostgres(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    // Every connection starts as the app role, so even platform queries cannot bypass RLS.
    ...(config.asOwner ? {} : { options: `-c role=${APP_ROLE}` }),
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'pg',
    async migrate(plugins = []) {
      const owner = new pg.Pool({ connectionString: config.url, max: 1 });
      try {
        await migrateAll(
          (migrationsFolder, migrationsTable) =>
            migrate(drizzle({ client: owner }), { migrationsFolder, migrationsTable }),
          plugins,
          (statement) => owner.query(statement),
        );
      } finally {
        await owner.end();
      }
    },
    close: () => pool.end(),
  };
}

async function openNeon(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { Pool, neonConfig } = await import('@neondatabase/serverless');
  const { drizzle } = await import('drizzle-orm/neon-serverless');
  const { migrate } = await import('drizzle-orm/neon-serverless/migrator');
  if (typeof WebSocket === 'undefined' || config.neonWsProxy) {
    const { default: ws } = await import('ws');
    neonConfig.webSocketConstructor = ws;
  }
  if (config.neonWsProxy) {
    const proxy = config.neonWsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    // SCRAM authentication needs the server's reply before the startup message can be pipelined.
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.asOwner ? {} : { options: `-c role=${APP_ROLE}` }),
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'neon',
    async migrate(plugins = []) {
      const owner = new Pool({ connectionString: config.url, max: 1 });
      try {
        await migrateAll(
          (migrationsFolder, migrationsTable) =>
            migrate(drizzle({ client: owner }), { migrationsFolder, migrationsTable }),
          plugins,
          (statement) => owner.query(statement),
        );
      } finally {
        await owner.end();
      }
    },
    close: () => pool.end(),
  };
}
