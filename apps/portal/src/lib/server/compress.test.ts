import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressed } from './compress.ts';

const page = (
  accept: string | null,
  init: ResponseInit = { headers: { 'content-type': 'text/html; charset=utf-8' } },
) =>
  compressed(
    new Request('http://portal.invalid/', accept === null ? {} : { headers: { 'accept-encoding': accept } }),
    new Response('<!doctype html><p>金色家园</p>'.repeat(50), init),
  );

describe('compressed responses', () => {
  it('gzips a rendered page for a browser that takes gzip, and says it varies by Accept-Encoding', async () => {
    const response = page('gzip, deflate, br, zstd');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(500);
    expect(gunzipSync(body).toString()).toBe('<!doctype html><p>金色家园</p>'.repeat(50));
  });

  it('sends it as it is when gzip is not accepted, and leaves files and event streams alone', () => {
    expect(page(null).headers.has('content-encoding')).toBe(false);
    expect(page('gzip;q=0, identity').headers.has('content-encoding')).toBe(false);
    expect(page('gzip', { headers: { 'content-type': 'application/pdf' } }).headers.has('content-encoding')).toBe(
      false,
    );
    expect(page('gzip', { headers: { 'content-type': 'text/event-stream' } }).headers.has('content-encoding')).toBe(
      false,
    );
  });

  it('reads Accept-Encoding weights', () => {
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('*;q=0.5')).toBe(true);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});
