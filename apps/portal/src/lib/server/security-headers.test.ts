import { describe, expect, it } from 'vitest';
import { nonPageCsp, securityHeaders, servedOverHttps, withSecurityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('sends HSTS only when the public address is https', () => {
    expect(servedOverHttps('https://city.example')).toBe(true);
    expect(servedOverHttps('http://localhost:3000')).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
    expect(securityHeaders(true)['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders(false)).not.toHaveProperty('strict-transport-security');
  });

  it("keeps a page's own CSP and gives anything else one that runs and frames nothing", () => {
    const page = withSecurityHeaders(
      new Response('<!doctype html>', { headers: { 'content-type': 'text/html', 'content-security-policy': 'x' } }),
      false,
    );
    expect(page.headers.get('content-security-policy')).toBe('x');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const json = withSecurityHeaders(Response.json({}), false);
    expect(json.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(nonPageCsp('application/pdf')).toBe("frame-ancestors 'none'");
  });

  it('copies a response whose headers cannot change', () => {
    const fetched = Response.redirect('http://portal.invalid/home', 303);
    const secured = withSecurityHeaders(fetched, true);
    expect(secured.status).toBe(303);
    expect(secured.headers.get('location')).toBe('http://portal.invalid/home');
    expect(secured.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
