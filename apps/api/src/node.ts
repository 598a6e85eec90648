import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { DevSmsSender, nativeArgon2, systemClock } from '@city/auth';
import { piiKeyFromEnv, pruneExpired } from '@city/core';
import { createDatabase, databaseConfigFromEnv, type DatabaseHandle } from '@city/db';
import { createApp } from './app.ts';
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
  await booted.services.pluginRuntime.dispatcher.idle();
  await booted.database.close();
}

/**
 * Opens the database named by the environment, migrates the embedded default (elsewhere: `npm run db:migrate`),
 * seeds the demo on an empty database unless SEED_DEMO=false, and builds the app.
 */
export async function bootApi(env: Env = process.env): Promise<BootedApi> {
  const database = await createDatabase(databaseConfigFromEnv(env));
  if (database.kind === 'pglite' || env.MIGRATE_ON_START === 'true') await database.migrate(pluginMigrations(plugins));
  // The dev sender exposes every code at /api/v1/dev/sms: production must choose its sender explicitly.
  if (env.NODE_ENV === 'production' && !env.SMS_SENDER) {
    throw new Error('NODE_ENV=production needs SMS_SENDER (only "dev" exists yet: it makes codes readable by anyone)');
  }
  if (env.SMS_SENDER && env.SMS_SENDER !== 'dev') throw new Error(`unknown SMS_SENDER: ${env.SMS_SENDER}`);
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const deps: AppDeps = {
    db: database.db,
    databaseKind: database.kind,
    clock: systemClock,
    sms: new DevSmsSender({ log: env.NODE_ENV !== 'test' }),
    passwords: await nativeArgon2(),
    publicUrl,
    piiKey: piiKeyFromEnv(env),
    plugins,
    backgroundJobs: true,
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '').split(',').filter(Boolean),
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

/** Serves the API; other paths go to `fallback` (the portal's handler in the combined server). */
export function serveNode(
  app: BootedApi['app'],
  options: { port: number; host?: string; fallback?: (req: IncomingMessage, res: ServerResponse) => void },
) {
  const api = getRequestListener(app.fetch);
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
