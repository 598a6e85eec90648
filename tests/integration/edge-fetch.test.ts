import { DevSmsSender, ManualClock, wasmArgon2 } from '@city/auth';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { piiKeyFromEnv } from '@city/core';
import { nodeFontSource } from '@city/documents/pdf/node-fonts';
import { randomPhone, schema, testDatabase } from '@city/testing';
import type { DatabaseHandle } from '@city/db';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServices, createApp, type AppDeps } from '@city/api';
import { createWorker, type EdgeEnv } from '../../apps/api/src/edge.ts';

/**
 * The Workers entry's own logic, run on Node with the embedded database: wrong bindings answered on every request, the
 * app built once, each request's pool ended only after the work it left to waitUntil. The same entry inside workerd
 * against Postgres is the `edge` project (tests/edge).
 */
let database: DatabaseHandle;
const sms = new DevSmsSender();
const PII_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
/**
 * Addresses of this run (a shared Postgres keeps rate-limit rows between runs; the proxies must be counted by no one
 * else): the portal host as cf-connecting-ip names it — TRUSTED_PROXIES below spells it otherwise, on purpose — and a
 * second proxy.
 */
const group = (Math.floor(Math.random() * 0xfffe) + 1).toString(16);
const portalHost = `2001:db8::${group}`;
const otherProxy = `100.64.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
const env: EdgeEnv = {
  DATABASE_URL: 'postgres://edge@db.example/city',
  PUBLIC_URL: 'https://edge.example',
  PII_KEY,
  SMS_SENDER: 'dev',
  DEV_SMS_INBOX: '1',
  ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
  TRUSTED_PROXIES: `${otherProxy}, 2001:DB8:0::${group.toUpperCase()}`,
};
let builds = 0;
const scopes: { ended: boolean; pendingAtEnd: number }[] = [];
let worker: ReturnType<typeof createWorker>;
const waits: Promise<unknown>[] = [];
const ctx = { waitUntil: (promise: Promise<unknown>) => void waits.push(promise) };

beforeAll(async () => {
  database = await testDatabase();
  worker = createWorker(async (config) => {
    builds += 1;
    const deps: AppDeps = {
      db: database.db,
      databaseKind: database.kind,
      clock: new ManualClock(),
      sms,
      passwords: await wasmArgon2(),
      publicUrl: config.publicUrl,
      fonts: nodeFontSource(),
      piiKey: piiKeyFromEnv({ PII_KEY: config.piiKey }),
      plugins: [],
      trustedPeers: config.trustedProxies,
    };
    const services = createApiServices(deps);
    return {
      app: createApp(deps, services),
      services,
      scope: () => {
        const scope = { ended: false, pendingAtEnd: 0 };
        scopes.push(scope);
        return {
          run: (work) => work(),
          end: async () => {
            scope.ended = true;
          },
        };
      },
    };
  });
});
afterAll(() => database.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  worker.fetch(
    new Request(`https://edge.example${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7', ...headers },
      body: JSON.stringify(body),
    }),
    env,
    ctx,
  );

/** Visitors' addresses (`${visitors}.n`) of this run: on a shared Postgres, others' counters must not meet them. */
const visitors = `198.18.${Math.floor(Math.random() * 256)}`;

/** The addresses among `addresses` that a failed sign-in has been counted against (`sign-in:ip:<address>`). */
async function countedAddresses(...addresses: string[]) {
  const keys = addresses.map((address) => `sign-in:ip:${address}`);
  const rows = await database.db
    .select({ key: schema.rateLimits.key })
    .from(schema.rateLimits)
    .where(inArray(schema.rateLimits.key, keys));
  return rows.map((row) => row.key.slice('sign-in:ip:'.length)).sort();
}

const failedSignIn = async (headers: Record<string, string>) => {
  const res = await post('/api/v1/auth/sign-in', { phone: randomPhone(), password: 'not-the-password' }, headers);
  expect(res.status).toBe(401);
};

describe('edge worker entry', () => {
  it('answers every request with the bindings that are wrong, and starts once they are right', async () => {
    const broken = { ...env, PII_KEY: undefined, PUBLIC_URL: 'not a url' };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await worker.fetch(
        new Request('https://edge.example/api/v1/health', { headers: { 'accept-language': 'en' } }),
        broken,
        ctx,
      );
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await res.json();
      expect(problem.code).toBe('server_misconfigured');
      expect(problem.detail).toContain('PII_KEY is not set');
      expect(problem.detail).toContain('PUBLIC_URL is not an http(s) URL');
    }
    const health = await worker.fetch(new Request('https://edge.example/api/v1/health'), env, ctx);
    expect(health.status).toBe(200);
    await worker.fetch(new Request('https://edge.example/api/v1/health'), env, ctx);
    expect(builds).toBe(1);
  });

  it('signs a person up and in, with a Secure cookie on https, and ends each request scope after its work', async () => {
    const phone = randomPhone();
    expect((await post('/api/v1/auth/phone-codes', { phone, purpose: 'sign-up' })).status).toBe(202);
    const code = sms.list(phone)[0]!.text.match(/\d{6}/)![0];
    const signUp = await post('/api/v1/auth/sign-up', { phone, code, password: 'edge-password', displayName: '边缘' });
    expect(signUp.status).toBe(201);
    expect(signUp.headers.get('set-cookie')).toMatch(/Secure/);
    const signIn = await post('/api/v1/auth/sign-in', { phone, password: 'edge-password' });
    expect(signIn.status).toBe(200);
    const me = await worker.fetch(
      new Request('https://edge.example/api/v1/me', {
        headers: { authorization: `Bearer ${(await signIn.json()).token}` },
      }),
      env,
      ctx,
    );
    expect((await me.json()).user.phone).toBe(phone);
    await Promise.all(waits);
    expect(scopes.length).toBeGreaterThanOrEqual(4);
    expect(scopes.every((scope) => scope.ended)).toBe(true);
  });

  it("counts each visitor the portal names, from a TRUSTED_PROXIES address, by the visitor's own address", async () => {
    const [one, two] = [`${visitors}.1`, `${visitors}.2`];
    await failedSignIn({ 'cf-connecting-ip': portalHost, 'x-forwarded-for': one });
    // Only the last entry is the portal's: what a visitor wrote in front of it is not believed.
    const written = `${visitors}.9`;
    await failedSignIn({ 'cf-connecting-ip': otherProxy, 'x-forwarded-for': `${written}, ${two}` });
    expect(await countedAddresses(one, two, portalHost, otherProxy, written)).toEqual([one, two]);
  });

  it('ignores X-Forwarded-For from any other caller: it cannot pick its address', async () => {
    const [caller, claimed] = [`${visitors}.3`, `${visitors}.4`];
    await failedSignIn({ 'cf-connecting-ip': caller, 'x-forwarded-for': claimed });
    expect(await countedAddresses(caller, claimed)).toEqual([caller]);
  });

  it('writes Argon2id hashes that the native binding verifies, and the other way round', async () => {
    const wasm = await wasmArgon2();
    const native = await nativeArgon2();
    expect(await native.verify(await wasm.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('one'), 'two')).toBe(false);
  });
});
