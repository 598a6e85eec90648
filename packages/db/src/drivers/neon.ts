import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool as NeonPool, PoolConfig } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { APP_ROLE } from '../schema/columns.ts';
import type { Database, DatabaseConfig, DatabaseHandle } from '../client.ts';
import { fuseBegin, type QueryingClient } from './fused-begin.ts';
import { nameStatements, namesStatements } from './named-statements.ts';
import { migrateOnOwner } from './migrate-all.ts';
import { tcpAsWebSocket, type TcpConnect } from './tcp-websocket.ts';

export type { TcpConnect, TcpSocket } from './tcp-websocket.ts';

/** Neon's driver over a TCP socket instead of a WebSocket: Workers reaching a pooler through Hyperdrive. */
interface NeonConfig extends DatabaseConfig {
  tcp?: TcpConnect | undefined;
}

/** Workers report themselves so; there the runtime's own WebSocket is the one that may open connections. */
const inWorkers = () => globalThis.navigator?.userAgent === 'Cloudflare-Workers';

async function neonDriver(config: NeonConfig) {
  const { Pool, neonConfig } = await import('@neondatabase/serverless');
  const { drizzle } = await import('drizzle-orm/neon-serverless');
  // Node gets the `ws` package (the test suites' proxy speaks plain WebSocket); workerd its built-in WebSocket, which
  // the `ws` package's browser build in a bundle only pretends to be.
  if (!inWorkers() && (typeof WebSocket === 'undefined' || config.neonWsProxy)) {
    const { default: ws } = await import('ws');
    neonConfig.webSocketConstructor = ws;
  }
  if (config.tcp) {
    neonConfig.webSocketConstructor = tcpAsWebSocket(config.tcp);
    neonConfig.wsProxy = (host, port) => `${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    // The pooler's authentication may need its reply before the startup message can be followed by a password.
    neonConfig.pipelineConnect = false;
  } else if (config.neonWsProxy) {
    const proxy = config.neonWsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    // SCRAM authentication needs the server's reply before the startup message can be pipelined.
    neonConfig.pipelineConnect = false;
  }
  const poolConfig = (max: number): PoolConfig => ({
    connectionString: config.url,
    max,
    ...(config.asOwner || config.appLogin ? {} : { options: `-c role=${APP_ROLE}` }),
  });
  return { Pool, drizzle, poolConfig };
}

export async function openNeon(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { Pool, drizzle, poolConfig } = await neonDriver(config);
  const pool = new Pool(poolConfig(config.poolSize ?? 10));
  const named = namesStatements(config);
  pool.on('connect', (client: QueryingClient) => {
    if (named) nameStatements(client);
    fuseBegin(client);
  });
  const db = drizzle({ client: pool }) as unknown as Database;
  return {
    db,
    kind: 'neon',
    async migrate(plugins = []) {
      const { migrate } = await import('drizzle-orm/neon-serverless/migrator');
      await migrateOnOwner(
        new Pool({ connectionString: config.url, max: 1 }),
        (owner, migrationsFolder, migrationsTable) =>
          migrate(drizzle({ client: owner }), { migrationsFolder, migrationsTable }),
        plugins,
      );
    },
    close: () => pool.end(),
  };
}

/** Keeps each statement `client` sends in `unanswered` until its answer has come. */
function awaitAnswers(client: QueryingClient, unanswered: Set<Promise<unknown>>) {
  const send = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const answer = send(...args);
    if (answer instanceof Promise) {
      unanswered.add(answer);
      const answered = () => unanswered.delete(answer);
      answer.then(answered, answered);
    }
    return answer;
  };
}

/** One request's connections: `run` its work (and the work it leaves to waitUntil) inside, then `end` them. */
export interface RequestPoolScope {
  run<T>(work: () => T): T;
  end(): Promise<void>;
}

export interface RequestScopedDatabase {
  db: Database;
  kind: 'neon';
  /** A pool for one request, opened lazily by its first query. */
  scope(): RequestPoolScope;
  /**
   * What is wrong with the URL's login for serving requests, if anything: it must start as the app role by itself
   * (there is no startup option through a pooler) and must not bypass row-level security.
   */
  loginProblem(): Promise<string | null>;
}

/**
 * The database for a Workers isolate. Workers tie every socket to the request that opened it: a pool kept for the
 * isolate hands the next request a WebSocket it may not use, and that request hangs. So `db` is one drizzle instance
 * whose client finds, through AsyncLocalStorage, the pool of the request it is called in. Using it outside a scope is
 * a bug and throws. Its login is the app login (infra/pgbouncer/app-login.sql): Workers reach Postgres through a
 * pooler, which refuses the startup option that names the role.
 */
export async function openNeonPerRequest(config: NeonConfig): Promise<RequestScopedDatabase> {
  const { Pool, drizzle, poolConfig } = await neonDriver({ ...config, appLogin: true });
  const pools = new AsyncLocalStorage<NeonPool>();
  const active = () => {
    const pool = pools.getStore();
    if (!pool) throw new Error('database used outside a request scope');
    return pool;
  };
  // drizzle runs transactions on `connect()` only when its client is a Pool, so the forwarder is one.
  class RequestPool extends Pool {
    override query = ((...args: Parameters<NeonPool['query']>) =>
      (active().query as (...a: unknown[]) => unknown)(...args)) as NeonPool['query'];
    override connect = ((...args: Parameters<NeonPool['connect']>) =>
      (active().connect as (...a: unknown[]) => unknown)(...args)) as NeonPool['connect'];
  }
  const db = drizzle({ client: new RequestPool() }) as unknown as Database;
  const scope = (): RequestPoolScope => {
    const pool = new Pool(poolConfig(config.poolSize ?? 4));
    const unanswered = new Set<Promise<unknown>>();
    pool.on('connect', (client: QueryingClient) => {
      awaitAnswers(client, unanswered);
      fuseBegin(client);
    });
    return {
      run: (work) => pools.run(pool, work),
      // A client ended while a statement of its is on the wire drops its connection instead of closing it, and a
      // read-only transaction's COMMIT is still on the wire as the request ends (fused-begin.ts): a pooler then finds
      // its server connection inside a transaction and closes it, and the next request waits for a new backend.
      end: async () => {
        await Promise.allSettled(unanswered);
        await pool.end();
      },
    };
  };
  return {
    db,
    kind: 'neon',
    scope,
    async loginProblem() {
      const check = scope();
      try {
        // The whole check runs inside the scope: drizzle sends a query only when it is awaited, and must find the
        // scope's pool then.
        const [who] = await check.run(async () => {
          const { rows } = await db.execute<{ login: string; role: string; bypasses: boolean }>(
            sql`select session_user as login, current_user as role, r.rolsuper or r.rolbypassrls as bypasses
                from pg_roles r where r.rolname = session_user`,
          );
          return rows;
        });
        const { login, role, bypasses } = who!;
        if (bypasses) return `DATABASE_URL logs in as ${login}, which bypasses row-level security; use the app login`;
        if (role !== APP_ROLE) return `DATABASE_URL's login ${login} starts as ${role}, not ${APP_ROLE}`;
        return null;
      } finally {
        await check.end();
      }
    },
  };
}
