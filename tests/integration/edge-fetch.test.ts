import { DevSmsSender, ManualClock, nativeArgon2, wasmArgon2 } from '@city/auth';
import { piiKeyFromEnv } from '@city/core';
import { randomPhone, testDatabase } from '@city/testing';
import type { DatabaseHandle } from '@city/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchHandler, type EdgeEnv } from '../../apps/api/src/edge.ts';

/**
 * The Workers-style entry: a fetch handler given bindings, no Node server. Password hashing is the WebAssembly
 * Argon2 an edge isolate uses; the hashes it writes verify with the native binding and back.
 */
let database: DatabaseHandle;
const sms = new DevSmsSender();
let handler: ReturnType<typeof createFetchHandler>;
const env: EdgeEnv = { DATABASE_URL: 'unused-by-this-factory', PUBLIC_URL: 'https://edge.example' };

beforeAll(async () => {
  database = await testDatabase();
  handler = createFetchHandler(async (bindings) => ({
    db: database.db,
    databaseKind: database.kind,
    clock: new ManualClock(),
    sms,
    passwords: await wasmArgon2(),
    publicUrl: bindings.PUBLIC_URL,
    piiKey: piiKeyFromEnv({}),
    plugins: [],
  }));
});
afterAll(() => database.close());

const post = (path: string, body: unknown) =>
  handler.fetch(
    new Request(`https://edge.example${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7' },
      body: JSON.stringify(body),
    }),
    env,
  );

describe('edge fetch handler', () => {
  it('answers health and the OpenAPI document', async () => {
    const health = await handler.fetch(new Request('https://edge.example/api/v1/health'), env);
    expect(health.status).toBe(200);
    const doc = await handler.fetch(new Request('https://edge.example/api/v1/openapi.json'), env);
    expect((await doc.json()).openapi).toBe('3.1.0');
  });

  it('signs a person up and in, with a Secure cookie on https', async () => {
    const phone = randomPhone();
    expect((await post('/api/v1/auth/phone-codes', { phone, purpose: 'sign-up' })).status).toBe(202);
    const code = sms.list(phone)[0]!.text.match(/\d{6}/)![0];
    const signUp = await post('/api/v1/auth/sign-up', { phone, code, password: 'edge-password', displayName: '边缘' });
    expect(signUp.status).toBe(201);
    expect(signUp.headers.get('set-cookie')).toMatch(/Secure/);
    const signIn = await post('/api/v1/auth/sign-in', { phone, password: 'edge-password' });
    expect(signIn.status).toBe(200);
    const me = await handler.fetch(
      new Request('https://edge.example/api/v1/me', {
        headers: { authorization: `Bearer ${(await signIn.json()).token}` },
      }),
      env,
    );
    expect((await me.json()).user.phone).toBe(phone);
  });

  it('writes Argon2id hashes that the native binding verifies, and the other way round', async () => {
    const wasm = await wasmArgon2();
    const native = await nativeArgon2();
    expect(await native.verify(await wasm.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('密码 password'), '密码 password')).toBe(true);
    expect(await wasm.verify(await native.hash('one'), 'two')).toBe(false);
  });
});
