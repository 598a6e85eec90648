import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { buildWorker, type WorkerBundle } from '../../../apps/api/edge/build.ts';
import { uploadOptions } from './upload.ts';
import { startNeonProxy } from '../../../infra/neon-ws-proxy/proxy.ts';
import { APP_LOGIN, ensureAppLogin } from '../../../infra/pgbouncer/app-login.ts';
import { createDatabase } from '@city/db/connect';
import { pluginMigrations } from '../../../apps/api/src/plugin-runtime/catalogue.ts';
import { plugins } from '../../../apps/api/src/plugins.ts';

export const ORIGIN = 'https://edge.example';

let bundle: Promise<WorkerBundle> | undefined;
let prepared: Promise<string> | undefined;

/**
 * The database as a deploy leaves it: migrated (the core and the product's plugins) and with the app login a Worker
 * connects as (infra/pgbouncer/app-login.sql). Its URL on the same server.
 */
function appLoginUrl(ownerUrl: string) {
  prepared ??= (async () => {
    const owner = await createDatabase({ url: ownerUrl, driver: 'pg', asOwner: true });
    try {
      await owner.migrate(pluginMigrations(plugins));
    } finally {
      await owner.close();
    }
    await ensureAppLogin(ownerUrl);
    const url = new URL(ownerUrl);
    url.username = APP_LOGIN;
    url.password = '';
    return url.toString();
  })();
  return prepared;
}

/** The worker bundle as a deploy uploads it, built once per test process. */
export const workerBundle = () => (bundle ??= buildWorker(mkdtempSync(join(tmpdir(), 'city-edge-'))));

export interface EdgeWorker {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Runs the cron trigger once, as Workers would every minute. */
  scheduled(): Promise<void>;
  close(): Promise<void>;
}

/** How the worker reaches Postgres: Neon's WebSocket (through infra/neon-ws-proxy), or TCP behind a Hyperdrive binding. */
export type Transport = 'websocket' | 'hyperdrive';

/** Miniflare's Hyperdrive wants a password in the URL; the local servers trust the login and ignore it. */
export function asHyperdrive(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.password ||= 'local-trust';
  return url.toString();
}

/**
 * The built worker inside workerd (Miniflare), talking to DATABASE_URL's server as the app login through Neon's
 * driver: over a WebSocket and the proxy that stands in for Neon's own (infra/neon-ws-proxy), or over TCP to a
 * Hyperdrive binding (Miniflare routes its address straight to the target). `bindings` override the defaults (e.g. to
 * leave one out; DATABASE_URL names the target for either transport).
 */
export async function startWorker(
  bindings: Record<string, string | undefined> = {},
  transport: Transport = 'websocket',
): Promise<EdgeWorker> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('the edge project needs DATABASE_URL');
  const target = bindings.DATABASE_URL ?? (await appLoginUrl(databaseUrl));
  const targetUrl = new URL(target);
  const proxy =
    transport === 'websocket'
      ? await startNeonProxy({ allow: `${targetUrl.hostname}:${targetUrl.port || 5432}` })
      : undefined;
  const all: Record<string, string | undefined> = {
    PUBLIC_URL: ORIGIN,
    PII_KEY: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))),
    SMS_SENDER: 'dev',
    DEV_SMS_INBOX: '1',
    ...bindings,
    ...(proxy ? { DATABASE_URL: target, NEON_WS_PROXY: `127.0.0.1:${proxy.port}` } : { DATABASE_URL: undefined }),
  };
  const mf = new Miniflare({
    ...uploadOptions(await workerBundle()),
    ...(proxy ? {} : { hyperdrives: { HYPERDRIVE: asHyperdrive(target) } }),
    bindings: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >,
  });
  await mf.ready;
  return {
    fetch: async (path, init) => (await mf.dispatchFetch(`${ORIGIN}${path}`, init as never)) as unknown as Response,
    async scheduled() {
      // Miniflare's Fetcher type lacks the scheduled() its workers have (a cron trigger's event, run to completion).
      const worker = (await mf.getWorker()) as unknown as { scheduled(event: { cron: string }): Promise<unknown> };
      await worker.scheduled({ cron: '* * * * *' });
    },
    async close() {
      await mf.dispose();
      await proxy?.close();
    },
  };
}
