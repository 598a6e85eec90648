import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
/**
 * All three drivers return `{ rows }` from execute(); node-postgres's result type describes it. Opened without the
 * schema: drizzle's relational `db.query.*` API goes unused, and with the schema every transaction object builds one of
 * its query builders per table (~2% of a tenant read).
 */
export type Database = PgDatabase<NodePgQueryResultHKT>;
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
  /**
   * The URL's login starts every session as the app role by itself (infra/pgbouncer/app-login.sql), so no startup
   * option asks for it: what connections through a pooler need, which refuses startup options.
   */
  appLogin?: boolean | undefined;
  /**
   * Each connection prepares the statements it runs (drivers/named-statements.ts). By default on, except with the
   * app login, which is for connections through a pooler in transaction mode: those keep no prepared statements.
   */
  namedStatements?: boolean | undefined;
  poolSize?: number | undefined;
}

export function pickDriver(config: DatabaseConfig): DatabaseKind {
  if (!config.url) return 'pglite';
  if (config.driver) return config.driver;
  const host = new URL(config.url).hostname;
  return host.endsWith('.neon.tech') || host.endsWith('.neon.build') ? 'neon' : 'pg';
}

/**
 * Reads the database settings from the environment (DATABASE_URL, DATABASE_DRIVER, DATA_DIR, NEON_WS_PROXY,
 * DATABASE_APP_LOGIN=true when the URL's login is the pooled app login, DATABASE_NAMED_STATEMENTS=true|false to
 * override whether connections prepare their statements).
 */
export function databaseConfigFromEnv(env: Record<string, string | undefined>): DatabaseConfig {
  const driver = env.DATABASE_DRIVER;
  if (driver && driver !== 'pg' && driver !== 'neon')
    throw new Error(`DATABASE_DRIVER must be pg or neon, not ${driver}`);
  return {
    url: env.DATABASE_URL || undefined,
    driver: driver as DatabaseConfig['driver'],
    dataDir: env.DATA_DIR || '.data',
    neonWsProxy: env.NEON_WS_PROXY || undefined,
    appLogin: env.DATABASE_APP_LOGIN === 'true',
    namedStatements: env.DATABASE_NAMED_STATEMENTS ? env.DATABASE_NAMED_STATEMENTS === 'true' : undefined,
  };
}
