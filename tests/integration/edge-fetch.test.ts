import { DevSmsSender, ManualClock, wasmArgon2 } from '@city/auth';
import { nativeArgon2 } from '@city/auth/native-argon2';
import { piiKeyFromEnv } from '@city/core';
import { nodeFontSource } from '@city/documents/pdf/node-fonts';
import { randomPhone, testDatabase } from '@city/testing';
import type { DatabaseHandle } from '@city/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServices, createApp, type AppDeps } from '@city/api';
import { createWorker, type EdgeEnv } from '../../apps/api/src/edge.ts';

/**
 * The Workers entry's own logic, run on Node with the embedded database: bindings checked on every request, the app
 * built once, each request's pool ended only after the work it left to waitUntil. The same entry inside workerd
 * against Postgres is the `edge` project (tests/edge).
 */
let database: DatabaseHandle;
const sms = new DevSmsSender();
const PII_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
const env: EdgeEnv = {
  DATABASE_URL: 'postgres://edge@db.example/city',
  PUBLIC_URL: 'https://edge.example',
  PII_KEY,
  SMS_SENDER: 'dev',
  DEV_SMS_INBOX: '1',
  ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
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

const post = (path: string, body: unknown, bindings: EdgeEnv = env) =>
  worker.fetch(
    new Request(`https://edge.example${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7' },
      body: JSON.stringify(body),
    }),
    bindings,
    ctx,
  );

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

  it('writes Argon2id hashes that the native binding verifies, and the other way round', async () => {
    const wasm = await wasmArgon2();
    const native = await nativeArgon2();
    expect(await native.verify(await wasm.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('one'), 'two')).toBe(false);
  });
});
