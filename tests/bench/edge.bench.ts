import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Miniflare } from 'miniflare';
import { buildWorker, type WorkerBundle } from '../../apps/api/edge/build.ts';
import { APP_LOGIN, ensureAppLogin } from '../../infra/pgbouncer/app-login.ts';
import { startPgBouncer } from '../../infra/pgbouncer/pgbouncer.ts';
import { uploadOptions } from '../edge/support/upload.ts';
import { asHyperdrive, ORIGIN } from '../edge/support/worker.ts';
import { API_SERVER, measure, printTable, randomKey, startServer, type Measurement } from './harness.ts';

/** The benchmark's own database on DATABASE_URL's server, recreated each run and dropped at the end. */
const DATABASE = 'city_bench_edge';
const NEON_PROXY = 'tests/bench/servers/neon-proxy.server.ts';
/** Server connections PgBouncer keeps to Postgres, over every client. */
const POOLED_SERVERS = 20;
const GZIP_TARGET = 1.5 * 1024 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every .wasm module of the bundle: a deploy uploads them beside the script, and workerd compiles them on load. */
async function wasmFiles(dir: string) {
  const names = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return names.filter((name) => name.endsWith('.wasm')).map((name) => join(dir, name));
}

async function folderBytes(dir: string) {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return sum(await Promise.all(files.map(async (file) => (await stat(file)).size)));
}

/**
 * What a deploy uploads: the script and its WebAssembly, raw and gzipped, which the target counts; the static assets
 * (the PDF fonts) are uploaded apart and served by Workers' assets, outside the script's size.
 */
async function printBundleSize(bundle: WorkerBundle) {
  const wasm = await Promise.all((await wasmFiles(bundle.dir)).map((file) => readFile(file)));
  const wasmBytes = sum(wasm.map((b) => b.byteLength));
  const wasmGzip = sum(wasm.map((b) => gzipSync(b).byteLength));
  const total = bundle.gzip + wasmGzip;
  console.log('\nworker bundle');
  console.table([
    { part: 'worker.js', raw: kb(bundle.bytes), gzip: kb(bundle.gzip) },
    { part: `wasm/ (${wasm.length} modules)`, raw: kb(wasmBytes), gzip: kb(wasmGzip) },
    { part: 'script upload', raw: kb(bundle.bytes + wasmBytes), gzip: kb(total) },
    { part: 'assets/ (static, apart)', raw: kb(await folderBytes(bundle.assets)), gzip: '' },
  ]);
  console.log(
    `upload gzipped = ${(total / 1024 / 1024).toFixed(2)} MB  [target < 1.5 MB gzipped: ${total < GZIP_TARGET ? 'PASS' : 'MISS'}]`,
  );
}

function psql(url: string, statement: string) {
  const result = spawnSync('psql', [url, '-qc', statement], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`psql failed: ${statement}`);
}

const inDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

const asAppLogin = (url: string) => {
  const login = new URL(url);
  login.username = APP_LOGIN;
  login.password = '';
  return login.toString();
};

/**
 * The database as a deploy leaves it: migrated over the owner's direct URL (`npm run db:migrate`; never through the
 * pooler, README in infra/pgbouncer), then the pooled app login granted the roles those migrations made.
 */
async function prepareDatabase(ownerUrl: string) {
  const migrate = spawnSync(process.execPath, ['apps/api/src/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: ownerUrl },
    stdio: 'inherit',
  });
  if (migrate.status !== 0) throw new Error(`migrating ${DATABASE} failed`);
  await ensureAppLogin(ownerUrl);
}

/** Runs `use` with the resource, and stops it however `use` ends. */
async function using<T extends { stop(): Promise<unknown> }, R>(start: Promise<T>, use: (resource: T) => Promise<R>) {
  const resource = await start;
  try {
    return await use(resource);
  } finally {
    await resource.stop();
  }
}

/** How the worker reaches the database, and what stands in front of it. */
interface WorkerSetup {
  /** `hyperdrive`: TCP behind a Hyperdrive binding (Miniflare routes it to the URL); `websocket`: Neon's proxy. */
  transport: 'hyperdrive' | 'websocket';
  /**
   * `direct`: the worker on a socket of its own, as Workers' edge hands it requests, its ASSETS bound to the assets
   * folder; `dev`: through Miniflare's development entry and its static-assets router, two more JavaScript workers on
   * the same workerd thread (on Cloudflare the router runs in the edge, not beside the worker).
   */
  front: 'direct' | 'dev';
}

/**
 * The bundle in workerd (Miniflare), served on a local HTTP port, reaching `databaseUrl` over TCP (Hyperdrive) or
 * through a Neon WebSocket proxy of its own that may dial only that host:port.
 */
async function startWorker(bundle: WorkerBundle, databaseUrl: string, { transport, front }: WorkerSetup) {
  const target = new URL(databaseUrl);
  const proxy =
    transport === 'websocket'
      ? await startServer(NEON_PROXY, { NEON_PROXY_ALLOW: `${target.hostname}:${target.port || 5432}` })
      : undefined;
  const upload = uploadOptions(bundle);
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    ...upload,
    ...(front === 'direct'
      ? {
          assets: undefined,
          serviceBindings: { ASSETS: { disk: { path: bundle.assets, writable: false } } },
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
        }
      : {}),
    ...(proxy ? {} : { hyperdrives: { HYPERDRIVE: asHyperdrive(databaseUrl) } }),
    bindings: {
      PUBLIC_URL: ORIGIN,
      PII_KEY: randomKey(),
      SMS_SENDER: 'dev',
      ...(proxy ? { DATABASE_URL: databaseUrl, NEON_WS_PROXY: `127.0.0.1:${new URL(proxy.url).port}` } : {}),
    },
  });
  const stop = async () => {
    await mf.dispose().catch((error: unknown) => console.error('edge: disposing Miniflare failed', error));
    await proxy?.stop();
  };
  try {
    await mf.ready;
    const url = front === 'direct' ? (await mf.unsafeGetDirectURL()).origin : (await mf.ready).origin;
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One request first, so a broken setup fails with its answer instead of being measured as thousands of errors. */
async function expectOk(label: string, url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${label}: ${url} answered ${response.status}: ${await response.text()}`);
}

/**
 * The API in workerd against the Node server, both through PgBouncer in transaction mode as the pooled app login, on
 * one database: the authenticated list of 20 members (tenant-list.bench.ts). Target: workerd keeps ≥ 50% of Node's
 * throughput — over TCP as behind Hyperdrive, and over Neon's WebSocket. For information: the same worker behind
 * Miniflare's development front, and straight to Postgres (a new backend per request). Also the size of what a
 * deploy uploads, against < 1.5 MB gzipped.
 */
export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'city-bench-edge-'));
  try {
    const bundle = await buildWorker(dir);
    await printBundleSize(bundle);
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      console.log('\nedge: DATABASE_URL is not set — skipping Node vs workerd through PgBouncer (they need Postgres)');
      return;
    }
    const ownerUrl = inDatabase(serverUrl, DATABASE);
    psql(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    psql(serverUrl, `CREATE DATABASE ${DATABASE}`);
    try {
      await prepareDatabase(ownerUrl);
      await compare(bundle, ownerUrl);
    } finally {
      psql(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compare(bundle: WorkerBundle, ownerUrl: string) {
  const pooler = startPgBouncer({ target: ownerUrl, maxServerConnections: POOLED_SERVERS, users: [APP_LOGIN] });
  await using(pooler, async ({ url }) => {
    const pooledUrl = asAppLogin(url);
    // The Node bench server seeds the demo and grows the tenant to 20 members on its first boot; its sessions serve
    // the worker too (same database).
    const { info, node } = await using(
      startServer(API_SERVER, { DATABASE_URL: pooledUrl, DATABASE_APP_LOGIN: 'true' }),
      async (server) => {
        const list = `${server.url}/api/v1/t/${server.info.slug}/members?limit=20`;
        const auth = { authorization: `Bearer ${server.info.token}` };
        await expectOk('Node', list, auth);
        return { info: server.info, node: await measure('Node (node-postgres) → PgBouncer', list, auth) };
      },
    );
    const path = `/api/v1/t/${info.slug}/members?limit=20`;
    const auth = { authorization: `Bearer ${info.token}` };
    const inWorkerd = (label: string, databaseUrl: string, setup: WorkerSetup) =>
      using(startWorker(bundle, databaseUrl, setup), async (worker) => {
        await expectOk(label, worker.url + path, auth);
        return measure(label, worker.url + path, auth);
      });
    const tcp = await inWorkerd('workerd (Neon driver, TCP: Hyperdrive) → PgBouncer', pooledUrl, {
      transport: 'hyperdrive',
      front: 'direct',
    });
    const ws = await inWorkerd('workerd (Neon driver, WebSocket) → PgBouncer', pooledUrl, {
      transport: 'websocket',
      front: 'direct',
    });
    const dev = await inWorkerd('workerd, TCP, behind Miniflare’s dev entry and assets router', pooledUrl, {
      transport: 'hyperdrive',
      front: 'dev',
    });
    const direct = await inWorkerd('workerd (WebSocket) → Postgres, no pooler', asAppLogin(ownerUrl), {
      transport: 'websocket',
      front: 'direct',
    });

    printTable(
      `GET /t/:tenant/members (20, authenticated) — PgBouncer: transaction mode, ${POOLED_SERVERS} server connections, login ${APP_LOGIN}`,
      [node, tcp, ws, dev, direct],
      node,
    );
    const verdict = (m: Measurement) => {
      const ratio = m.requestsPerSecond / node.requestsPerSecond;
      return `${(100 * ratio).toFixed(1)}%  [target ≥ 50%: ${ratio >= 0.5 ? 'PASS' : 'MISS'}]`;
    };
    console.log(`workerd over TCP (Hyperdrive) through PgBouncer / Node through PgBouncer = ${verdict(tcp)}`);
    console.log(`workerd over Neon's WebSocket through PgBouncer / Node through PgBouncer = ${verdict(ws)}`);
    console.log(
      `workerd straight to Postgres: ${direct.requestsPerSecond} req/s (for information; the issue saw 22–26)`,
    );
  });
}
