import { DevSmsSender, systemClock, wasmArgon2 } from '@city/auth';
import { piiKeyFromEnv } from '@city/core';
import { createDatabase } from '@city/db';
import { createApp } from './app.ts';
import { plugins } from './plugins.ts';
import { createApiServices, type AppDeps } from './services.ts';

export interface EdgeEnv {
  DATABASE_URL: string;
  PUBLIC_URL: string;
  /** Local runs only: Neon's client reaches a plain Postgres through infra/neon-ws-proxy. */
  NEON_WS_PROXY?: string;
  /** Key of the ID-number hash (base64, ≥ 32 bytes). */
  PII_KEY?: string;
}

type DepsFromEnv = (env: EdgeEnv) => Promise<AppDeps>;

/** Neon's WebSocket pool (interactive transactions are needed for tenancy) and WebAssembly Argon2 (no native code). */
const neonDeps: DepsFromEnv = async (env) => {
  const database = await createDatabase({ url: env.DATABASE_URL, driver: 'neon', neonWsProxy: env.NEON_WS_PROXY });
  return {
    db: database.db,
    databaseKind: database.kind,
    clock: systemClock,
    sms: new DevSmsSender(),
    passwords: await wasmArgon2(),
    publicUrl: env.PUBLIC_URL,
    piiKey: piiKeyFromEnv({ PII_KEY: env.PII_KEY, NODE_ENV: 'production' }),
    plugins,
  };
};

/**
 * A Workers-style fetch handler: the app is built once per isolate from the first request's bindings.
 * Migrations are applied beforehand with `npm run db:migrate`, never from an edge isolate.
 */
export function createFetchHandler(depsFromEnv: DepsFromEnv = neonDeps) {
  let deps: Promise<AppDeps> | undefined;
  let app: Promise<ReturnType<typeof createApp>> | undefined;
  const depsOf = (env: EdgeEnv) => (deps ??= depsFromEnv(env));
  return {
    async fetch(request: Request, env: EdgeEnv, ctx?: unknown): Promise<Response> {
      app ??= depsOf(env).then(createApp);
      return (await app).fetch(request, env, ctx as never);
    },
    /** A cron trigger (e.g. every minute): plugin event deliveries and notifications that are due (retries, quiet hours ending). */
    async scheduled(_controller: unknown, env: EdgeEnv, ctx: { waitUntil(promise: Promise<unknown>): void }) {
      ctx.waitUntil(
        depsOf(env).then((d) => {
          const services = createApiServices(d);
          return Promise.all([
            services.pluginRuntime.dispatcher.sweep(),
            services.notifier.sweep(),
            services.feedbackClock.sweep(),
          ]);
        }),
      );
    },
  };
}

export default createFetchHandler();
