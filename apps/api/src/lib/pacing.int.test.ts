import { createTestApp } from '@city/testing';
import { afterAll, describe, expect, it } from 'vitest';

// One request per 100 s after a burst of two, nobody waiting: a third request from one address is refused however
// slowly the machine runs the test.
const h = await createTestApp({ publicPace: { perSecond: 0.01, burst: 2, maxWaiting: 0 } });
afterAll(() => h.close());

const from = (address: string, path = '/api/v1/public/n/no-such-place/notices') =>
  h.call('GET', path, { headers: { 'x-forwarded-for': address } });

describe('the public API, paced per address', () => {
  it('serves a burst, then refuses with Retry-After (localised), while other addresses and signed-in routes go on', async () => {
    expect((await from('10.9.0.1')).status).toBe(404);
    expect((await from('10.9.0.1')).status).toBe(404);
    const refused = await from('10.9.0.1');
    expect(refused).toMatchObject({ status: 429, body: { code: 'rate_limited', title: '操作过于频繁，请稍后再试' } });
    // The next request would be on pace in 100 s, less the moments the test took.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(90);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(100);
    expect((await from('10.9.0.2')).status).toBe(404);
    // Not a public path: not paced.
    expect((await from('10.9.0.1', '/api/v1/me')).status).toBe(401);
  });
});
