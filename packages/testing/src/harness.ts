import { createApiServices, createApp, pluginMigrations, type AppDeps } from '@city/api';
import { DevSmsSender, ManualClock, type PasswordHasher } from '@city/auth';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { piiKeyFromEnv } from '@city/core';
import type { DatabaseHandle } from '@city/db';
import { testDatabase } from '@city/db/testing';
import type { FontSource } from '@city/documents/pdf';
import { nodeFontSource } from '@city/documents/pdf/node-fonts';
import type { PluginServer } from '@city/plugin-sdk/server';

let hasher: Promise<PasswordHasher> | undefined;
// One source for every app of a test file: each slice is then decoded once, not once per app.
let fonts: FontSource | undefined;

export interface CallOptions {
  token?: string | undefined;
  json?: unknown;
  /** A body sent as it is (an upload), with the content-type given in `headers`. */
  body?: Uint8Array;
  headers?: Record<string, string>;
  locale?: 'zh-CN' | 'en';
}

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
  /** The answer's bytes (for files). */
  raw: ArrayBuffer;
}

export interface TestAppOptions {
  plugins?: readonly PluginServer[];
  /** An existing database (a second app on the same data, a benchmark's server); by default a fresh one. */
  database?: DatabaseHandle;
  /** PGlite: start from this dump instead of the migrated schema (a world already built). */
  snapshot?: Blob;
  /** The public API's pace per address (the product's default otherwise). */
  publicPace?: AppDeps['publicPace'];
  /** Trusted proxy hops (default 1: `call` names its harness's address in X-Forwarded-For, as a proxy would). */
  trustProxy?: number;
  /** The WeChat template id of each kind sent there (messages land in the development sender, `services.wechat`). */
  wechatTemplates?: Record<string, string>;
}

/**
 * The real app on a fresh real database (PGlite restored from a migrated snapshot, or the shared Postgres with
 * TEST_DATABASE=pg|neon), with a clock and SMS inbox the test controls. Requests go through the app's fetch handler,
 * every middleware included; each harness has its own client address so rate limits do not leak between tests.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const plugins = options.plugins ?? [];
  const migrations = pluginMigrations(plugins);
  const database = options.database ?? (await testDatabase({ plugins: migrations, snapshot: options.snapshot }));
  if (options.database && migrations.length) await database.migrate(migrations);
  const clock = new ManualClock();
  const sms = new DevSmsSender();
  const deps: AppDeps = {
    db: database.db,
    databaseKind: database.kind,
    clock,
    sms,
    passwords: await (hasher ??= nativeArgon2()),
    publicUrl: 'http://localhost:3000',
    piiKey: piiKeyFromEnv({}),
    plugins,
    fonts: (fonts ??= nodeFontSource()),
    ...(options.publicPace ? { publicPace: options.publicPace } : {}),
    trustProxy: options.trustProxy ?? 1,
    ...(options.wechatTemplates ? { wechatTemplates: options.wechatTemplates } : {}),
  };
  const services = createApiServices(deps);
  const app = createApp(deps, services);
  const ip = `10.${rand()}.${rand()}.${rand()}`;

  async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = {
      'x-forwarded-for': ip,
      'accept-language': options.locale ?? 'zh-CN',
      ...options.headers,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.body ? new Uint8Array(options.body) : undefined;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const raw = await res.arrayBuffer();
    const text = new TextDecoder().decode(raw);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. the docs page)
    }
    return { status: res.status, body: parsed, headers: res.headers, raw };
  }

  // Deliveries the last requests started finish before the database goes away.
  const close = async () => {
    await services.pluginRuntime.dispatcher.idle();
    await services.feedbackClock.idle();
    await services.notifier.idle();
    await database.close();
  };
  return { app, deps, services, clock, sms, database, call, close };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

function rand() {
  return Math.floor(Math.random() * 254) + 1;
}

/** The newest six-digit code texted to a number (read from the dev SMS sender). */
export function lastCode(sms: DevSmsSender, phone: string): string {
  const message = sms.list(phone)[0];
  const code = message?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code was texted to ${phone}`);
  return code;
}
