import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildWorld, type World } from '../../testing/world.ts';

let h: TestApp;
let world: World;
beforeEach(async () => {
  h = await createTestApp();
  world = await buildWorld(h);
});
afterEach(() => h.close());

describe('cookie sessions and CSRF', () => {
  const cookieFor = (token: string) => ({ cookie: `cl_session=${token}` });

  it('reads with a cookie from any page (safe methods need no Origin)', async () => {
    const res = await h.call('GET', '/api/v1/me', { headers: cookieFor(world.tokens.outsider!) });
    expect(res.status).toBe(200);
  });

  it('refuses a cookie-authenticated write without Origin or from another site', async () => {
    const write = { json: { locale: 'en' } };
    const none = await h.call('PUT', '/api/v1/me/locale', { ...write, headers: cookieFor(world.tokens.outsider!) });
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('csrf_rejected');
    const evil = await h.call('PUT', '/api/v1/me/locale', {
      ...write,
      headers: { ...cookieFor(world.tokens.outsider!), origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
  });

  it('accepts a cookie-authenticated write from its own origin', async () => {
    const res = await h.call('PUT', '/api/v1/me/locale', {
      json: { locale: 'en' },
      headers: { ...cookieFor(world.tokens.outsider!), origin: 'http://localhost' },
    });
    expect(res.status).toBe(204);
  });

  it('needs no Origin for bearer tokens, which browsers never attach by themselves', async () => {
    const res = await h.call('PUT', '/api/v1/me/locale', { json: { locale: 'en' }, token: world.tokens.outsider });
    expect(res.status).toBe(204);
  });
});
