import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

describe('cookie sessions and CSRF', () => {
  const cookieFor = (token: string) => ({ cookie: `cl_session=${token}` });

  it('reads with a cookie from any page (safe methods need no Origin)', async () => {
    const res = await current.h.call('GET', '/api/v1/me', { headers: cookieFor(current.world.tokens.outsider!) });
    expect(res.status).toBe(200);
  });

  it('refuses a cookie-authenticated write without Origin or from another site', async () => {
    const write = { json: { locale: 'en' } };
    const none = await current.h.call('PUT', '/api/v1/me/locale', {
      ...write,
      headers: cookieFor(current.world.tokens.outsider!),
    });
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('csrf_rejected');
    const evil = await current.h.call('PUT', '/api/v1/me/locale', {
      ...write,
      headers: { ...cookieFor(current.world.tokens.outsider!), origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
  });

  it('accepts a cookie-authenticated write from its own origin', async () => {
    const res = await current.h.call('PUT', '/api/v1/me/locale', {
      json: { locale: 'en' },
      headers: { ...cookieFor(current.world.tokens.outsider!), origin: 'http://localhost' },
    });
    expect(res.status).toBe(204);
  });

  it('needs no Origin for bearer tokens, which browsers never attach by themselves', async () => {
    const res = await current.h.call('PUT', '/api/v1/me/locale', {
      json: { locale: 'en' },
      token: current.world.tokens.outsider,
    });
    expect(res.status).toBe(204);
  });
});
