import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { DevSmsSender, systemClock } from '@city/auth';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { smsSenderFromEnv } from '@city/auth/sms-carriers';
import { piiKeyFromEnv, pruneExpired } from '@city/core';
import { createDatabase } from '@city/db/connect';
import { startFromSnapshot } from '@city/db/snapshots';
import { databaseConfigFromEnv, type DatabaseHandle } from '@city/db';
import { nodeFontSource } from '@city/documents/pdf/node-fonts';
import { createApp } from './app.ts';
import { wechatFromEnv } from './wechat-config.ts';
import type { NodeBindings } from './lib/request-meta.ts';
import { demoSignInTable, seedDemo } from './demo/seed.ts';
import { pluginMigrations } from './plugin-runtime/catalogue.ts';
import { plugins } from './plugins.ts';
import { createApiServices, type ApiServices, type AppDeps } from './services.ts';

type Env = Record<string, string | undefined>;

export interface BootedApi {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  services: ApiServices;
  database: DatabaseHandle;
  seeded: boolean;
}

/** Stops background work, lets running plugin deliveries finish, then closes the database. */
export async function shutDown(booted: BootedApi) {
  booted.services.pluginRuntime.dispatcher.stop();
  booted.services.notifier.stop();
  booted.services.feedbackClock.stop();
  await booted.services.pluginRuntime.dispatcher.idle();
  await booted.services.feedbackClock.idle();
  await booted.services.notifier.idle();
  await booted.database.close();
}

/** TRUST_PROXY: how many proxies of ours stand in front of this server (0: clients connect to it directly). */
export function trustProxyFromEnv(env: Env): number {
  const raw = env.TRUST_PROXY?.trim() || '0';
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`TRUST_PROXY is a number of proxy hops (0, 1, 2…), not "${raw}"`);
  return Number(raw);
}

/**
 * Checks the environment (SMS sender, keys, proxies) before anything else, so a misconfigured production server
 * refuses to start without touching the database; then opens the database named by the environment, migrates the
 * embedded default (elsewhere: `npm run db:migrate`), seeds the demo on an empty database unless SEED_DEMO=false,
 * and builds the app.
 */
export async function bootApi(env: Env = process.env): Promise<BootedApi> {
  const production = env.NODE_ENV === 'production';
  // The dev sender keeps every code in memory and prints it: in production a carrier must be chosen explicitly.
  if (production && (env.SMS_SENDER?.trim() || 'dev') === 'dev') {
    throw new Error(
      'NODE_ENV=production needs SMS_SENDER=tencent or SMS_SENDER=aliyun with its settings (README.md, Configuration): ' +
        'the dev sender would keep codes in memory and print them',
    );
  }
  const sms = await smsSenderFromEnv(env, { log: env.NODE_ENV !== 'test' });
  const piiKey = piiKeyFromEnv(env);
  const trustProxy = trustProxyFromEnv(env);
  const wechat = wechatFromEnv(env);
  const migrations = pluginMigrations(plugins);
  const database = await createDatabase(await startFromSnapshot(databaseConfigFromEnv(env), migrations));
  if (database.kind === 'pglite' || env.MIGRATE_ON_START === 'true') await database.migrate(migrations);
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const deps: AppDeps = {
    db: database.db,
    databaseKind: database.kind,
    clock: systemClock,
    sms,
    passwords: await nativeArgon2(),
    publicUrl,
    piiKey,
    ...wechat,
    plugins,
    fonts: nodeFontSource(),
    backgroundJobs: true,
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '').split(',').filter(Boolean),
    trustProxy,
    ...(!production && sms instanceof DevSmsSender ? { devInbox: sms } : {}),
  };
  const services = createApiServices(deps);
  const seeded = env.SEED_DEMO === 'false' ? false : await seedDemo(services);
  await pruneExpired(services);
  setInterval(
    () => void pruneExpired(services).catch((error) => console.error('[api] pruning failed', error)),
    3600_000,
  ).unref();
  return { app: createApp(deps, services), deps, services, database, seeded };
}

/**
 * In the combined server the portal renders pages and calls the API over loopback, naming its visitor in
 * X-Forwarded-For: that hop is trusted (request-meta.ts). Behind proxies (TRUST_PROXY=N) the portal must read its
 * visitor N hops back too, which adapter-node does when told: refuse to start with the two disagreeing, since every
 * visitor would otherwise share the proxy's address and its limits.
 */
function checkPortalProxySettings(env: Env) {
  const hops = trustProxyFromEnv(env);
  if (hops === 0) return;
  if (env.ADDRESS_HEADER?.toLowerCase() !== 'x-forwarded-for' || env.XFF_DEPTH !== String(hops)) {
    throw new Error(
      `TRUST_PROXY=${hops} with the portal: also set ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH=${hops}, ` +
        "so the portal reads its visitors' addresses the way the API does",
    );
  }
}

/**
 * Serves the API; other paths go to `fallback` (the portal's handler in the combined server), whose own calls to
 * the API arrive over loopback and count as one trusted hop.
 */
export function serveNode(
  app: BootedApi['app'],
  options: { port: number; host?: string; fallback?: (req: IncomingMessage, res: ServerResponse) => void },
) {
  if (options.fallback) checkPortalProxySettings(process.env);
  const bindings: Pick<NodeBindings, 'portalOnLoopback'> = { portalOnLoopback: Boolean(options.fallback) };
  const api = getRequestListener((request, env) => app.fetch(request, { ...env, ...bindings }));
  const server = createServer((req, res) => {
    if (!options.fallback || req.url?.startsWith('/api/')) return void api(req, res);
    options.fallback(req, res);
  });
  // Keep-alive longer than typical proxies' so they never reuse a socket we are closing.
  server.keepAliveTimeout = 65_000;
  return new Promise<typeof server>((resolve) =>
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve(server)),
  );
}

export function printStartBanner(url: string, seeded: boolean, kind: string) {
  console.log(`\n城市生活网 City Life Network — ${url}  (database: ${kind}${seeded ? ', demo data seeded' : ''})`);
  console.log(`API docs: ${url}/api/v1/docs\n${demoSignInTable()}\n`);
}

if (import.meta.main) {
  const booted = await bootApi();
  const port = Number(process.env.PORT ?? 3000);
  await serveNode(booted.app, { port });
  printStartBanner(booted.deps.publicUrl, booted.seeded, booted.database.kind);
  const stop = async () => {
    await shutDown(booted);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
