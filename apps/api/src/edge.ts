import { DevSmsSender, systemClock, wasmArgon2 } from '@city/auth';
import { smsSenderFromEnv } from '@city/auth/sms-carriers';
import { piiKeyFromEnv, pruneExpired } from '@city/core';
import { assetFontSource } from '@city/documents/pdf';
import { openNeonPerRequest, type RequestPoolScope } from '@city/db/neon';
import { createApp } from './app.ts';
import { edgeConfig, misconfigured, notStarted, type EdgeConfig, type EdgeEnv } from './edge-config.ts';
import { plugins } from './plugins.ts';
import { createApiServices, type ApiServices, type AppDeps } from './services.ts';

export type { EdgeEnv } from './edge-config.ts';

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException?(): void;
}

interface Runtime {
  app: ReturnType<typeof createApp>;
  services: ApiServices;
  /** A request's own database connections (a Workers socket belongs to the request that opened it). */
  scope(): RequestPoolScope;
}

type RuntimeFromConfig = (config: EdgeConfig) => Promise<Runtime>;

/** Settings found wrong only once used (a database login that bypasses row-level security). */
class Misconfigured extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.problems = problems;
  }
}

/** Neon's driver (interactive transactions are needed for tenancy) and WebAssembly Argon2 (no native code). */
const neonRuntime: RuntimeFromConfig = async (config) => {
  const database = await openNeonPerRequest({
    url: config.databaseUrl,
    neonWsProxy: config.neonWsProxy,
    // Only workerd has this module: imported when a Hyperdrive binding asks for it.
    tcp: config.databaseTransport === 'tcp' ? (await import('cloudflare:sockets')).connect : undefined,
  });
  const loginProblem = await database.loginProblem();
  if (loginProblem) throw new Misconfigured([loginProblem]);
  // Its only failures are settings: the carrier unknown, or its variables missing or malformed.
  const sms = await smsSenderFromEnv(config.sms).catch((error: unknown) => {
    throw new Misconfigured([error instanceof Error ? error.message : String(error)]);
  });
  const deps: AppDeps = {
    db: database.db,
    databaseKind: database.kind,
    clock: systemClock,
    sms,
    passwords: await wasmArgon2(),
    publicUrl: config.publicUrl,
    // One source per isolate: each font slice is fetched once.
    fonts: assetFontSource((path) => config.assets.fetch(new URL(path, 'https://assets.local'))),
    piiKey: piiKeyFromEnv({ PII_KEY: config.piiKey, NODE_ENV: 'production' }),
    plugins,
    trustedPeers: config.trustedProxies,
    ...(config.devSmsInbox && sms instanceof DevSmsSender ? { devInbox: sms } : {}),
  };
  const services = createApiServices(deps);
  return { app: createApp(deps, services), services, scope: () => database.scope() };
};

/** Why the app could not be built: settings, answered with what is wrong, or anything else, logged. */
const asFailure = (error: unknown): { problems: string[] } | { failure: unknown } =>
  error instanceof Misconfigured ? { problems: error.problems } : { failure: error };

/**
 * Runs `work` inside a request's pool and ends the pool once the work and everything it handed to waitUntil (plugin
 * deliveries, notifications) have settled — work handed over later, by that work, included.
 */
async function inScope<T>(runtime: Runtime, ctx: ExecutionContext, work: (ctx: ExecutionContext) => Promise<T>) {
  const scope = runtime.scope();
  const pending: Promise<unknown>[] = [];
  const requestCtx: ExecutionContext = {
    waitUntil: (promise) => void pending.push(promise),
    passThroughOnException: () => ctx.passThroughOnException?.(),
  };
  const settle = async () => {
    while (pending.length) await Promise.allSettled(pending.splice(0));
  };
  try {
    return await scope.run(() => work(requestCtx));
  } finally {
    ctx.waitUntil(scope.run(settle).finally(() => scope.end()));
  }
}

/**
 * A Workers fetch/scheduled handler. The app is built once per isolate, from the first request whose bindings are
 * valid; invalid bindings are answered on every request with what is wrong (never cached as a broken isolate).
 * Migrations are applied beforehand with `npm run db:migrate`, never from an edge isolate.
 */
export function createWorker(runtimeFromConfig: RuntimeFromConfig = neonRuntime) {
  let runtime: Promise<Runtime> | undefined;
  // An isolate's bindings never change (a new deploy or setting starts new isolates), so each env object is checked
  // once rather than on every request; a wrong one is still answered on every request.
  const checked = new WeakMap<EdgeEnv, ReturnType<typeof edgeConfig>>();
  const configOf = (env: EdgeEnv) => {
    let config = checked.get(env);
    if (!config) checked.set(env, (config = edgeConfig(env)));
    return config;
  };
  const runtimeFor = (config: EdgeConfig) => {
    runtime ??= runtimeFromConfig(config).catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
    return runtime;
  };
  return {
    async fetch(request: Request, env: EdgeEnv, ctx: ExecutionContext): Promise<Response> {
      const config = configOf(env);
      const live = config.ok ? await runtimeFor(config.value).catch(asFailure) : config;
      if ('problems' in live) {
        console.error(`city-life API misconfigured: ${live.problems.join('; ')}`);
        return misconfigured(request, live.problems);
      }
      if ('failure' in live) {
        console.error('city-life API could not start', live.failure);
        return notStarted(request);
      }
      return inScope(live, ctx, (requestCtx) => Promise.resolve(live.app.fetch(request, env, requestCtx as never)));
    },
    /**
     * A cron trigger (every minute): plugin event deliveries and notifications that are due (retries, quiet hours
     * ending), the feedback clock; at the top of each hour, expired sessions, codes and rate-limit windows, as the
     * Node server prunes hourly.
     */
    async scheduled(controller: { scheduledTime: number }, env: EdgeEnv, ctx: ExecutionContext): Promise<void> {
      const config = configOf(env);
      if (!config.ok) throw new Misconfigured(config.problems);
      const live = await runtimeFor(config.value);
      const hourly = new Date(controller.scheduledTime).getUTCMinutes() === 0;
      await inScope(live, ctx, () =>
        Promise.all([
          live.services.pluginRuntime.dispatcher.sweep(),
          live.services.notifier.sweep(),
          live.services.feedbackClock.sweep(),
          hourly ? pruneExpired(live.services) : undefined,
        ]),
      );
    },
  };
}

export default createWorker();
