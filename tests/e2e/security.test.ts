import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { takeCspViolations } from './support/csp.ts';
import { startProduct, type Product } from './support/server.ts';

/**
 * What every answer of the portal carries (apps/portal/README.md), against the product as `npm start` runs it: the
 * security headers on pages, error pages, redirects, endpoints, passed-through files and the scripts SvelteKit serves;
 * plugin files confined to the plugin's own API; redirect targets from the visitor kept on this site.
 */
let product: Product;
let browser: Browser;
let meetingId = '';

const FILES = '/p/jinse-jiayuan/apps/voting/files';

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  const signIn = await fetch(`${product.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: product.url },
    body: JSON.stringify({ phone: '13900000014', password: 'demo1234' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const meetings = await fetch(`${product.url}/api/v1/t/jinse-jiayuan/p/voting/meetings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { items } = (await meetings.json()) as { items: { id: string; status: string }[] };
  meetingId = items.find((m) => m.status === 'open')!.id;
});
afterAll(async () => {
  if (product?.exited()) console.error(`the product stopped during the test:\n${product.output()}`);
  await browser?.close();
  await product?.stop();
});

/** A GET with the path sent exactly as written (fetch would resolve `%2e%2e` segments before sending). */
function rawGet(base: string, path: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A plain form post, as a browser without JavaScript sends it; redirects are not followed. */
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${product.url}${path}`, {
    method: 'POST',
    headers: { origin: product.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });

function expectSecurityHeaders(res: Response, what: string) {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy'), what).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('strict-transport-security'), `${what}: plain http`).toBeNull();
}

describe('security headers', () => {
  it('every page has a CSP with a fresh nonce and no unsafe-inline for scripts, and refuses framing', async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/sign-in', '/p/jinse-jiayuan', '/no-such-page']) {
      const res = await fetch(`${product.url}${path}`);
      expectSecurityHeaders(res, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce, path).toBeDefined();
      expect(await res.text(), path).toContain(`<script nonce="${nonce}"`);
      nonces.add(nonce!);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toMatch(/style-src 'self'(;|$| 'nonce)/);
    }
    expect(nonces.size).toBe(4);
  });

  it('redirects, endpoints, files and the scripts SvelteKit serves carry them too', async () => {
    const home = await fetch(`${product.url}/home`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expectSecurityHeaders(home, 'a redirect');
    expect(home.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");

    const pdf = await fetch(`${product.url}/p/jinse-jiayuan/print`);
    expectSecurityHeaders(pdf, 'a PDF');
    // Chrome's PDF viewer draws inside the PDF's document: it gets no source restrictions, only no framing.
    expect(pdf.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");

    const page = await (await fetch(`${product.url}/sign-in`)).text();
    const script = page.match(/\/_app\/immutable\/[^"]+\.js/)![0];
    const asset = await fetch(`${product.url}${script}`);
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset, 'a script from disk');
  });

  it('sends HSTS when the public address is https', async () => {
    const secured = await startProduct({ PUBLIC_URL: 'https://city.example' });
    try {
      const page = await (await fetch(`${secured.url}/sign-in`)).text();
      const script = page.match(/\/_app\/immutable\/[^"]+\.js/)![0];
      for (const path of ['/sign-in', '/no-such-page', '/home', script]) {
        const res = await fetch(`${secured.url}${path}`, { redirect: 'manual' });
        expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await secured.stop();
    }
  });

  it('in Chromium, blocks an injected script and style and refuses to be framed, and the suite notices', async () => {
    const seen: string[] = [];
    const reported = () => (seen.push(...takeCspViolations()), seen.join('\n'));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${product.url}/sign-in`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
    });
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect(await page.locator('body').isVisible()).toBe(true);
    await expect.poll(reported).toMatch(/script-src-elem refused inline/);
    await expect.poll(reported).toMatch(/style-src-elem refused inline/);
    await page.setContent(`<iframe src="${product.url}/sign-in"></iframe>`);
    await expect.poll(reported, { timeout: 15_000 }).toMatch(/console: .*frame-ancestors 'none'/);
    expect(await page.frames()[1]?.locator('form').count()).toBe(0);
    await context.close();
  });
});

describe("plugin files: only the plugin's own API", () => {
  it('passes a file through with its type, nosniff and a Content-Disposition', async () => {
    const res = await fetch(`${product.url}${FILES}/meetings/${meetingId}/board.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="board-${meetingId}.json"`);
    expectSecurityHeaders(res, 'a passed-through file');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(((await res.json()) as { format?: string }).format).toBe('city-life/meeting-board@1');
  });

  it.each([
    '..%2F..%2F..%2F..%2F..%2Fv1%2Fhealth',
    '..%2f..%2f..%2f..%2fcontacts%2fentries',
    `meetings%2F${'..%2F'.repeat(4)}contacts%2Fentries`,
    '%2e%2e%2F%2e%2e%2F%2e%2e%2Fme',
    '%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/v1/health',
    '../../../../../v1/health',
    '..%252F..%252F..%252Fme',
    '%252e%252e/%252e%252e/me',
    '..%5C..%5C..%5Cme',
    'meetings/x/board.json%00',
  ])('answers 400 to %s', async (path) => {
    const res = await rawGet(product.url, `${FILES}/${path}`);
    expect(res.status).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('redirect targets from the visitor', () => {
  it.each([
    ['/\\evil.example', '/home'],
    ['//evil.example', '/home'],
    ['https://evil.example', '/home'],
    ['/%5Cevil', '/home'],
    ['javascript:alert(1)', '/home'],
    ['/n/jinse-jiayuan/my?code=AB12', '/n/jinse-jiayuan/my?code=AB12'],
    ['/n/金色家园', '/n/%E9%87%91%E8%89%B2%E5%AE%B6%E5%9B%AD'],
  ])('after sign-in, next=%s goes to %s', async (next, expected) => {
    const res = await post('/sign-in', { phone: '13900000014', password: 'demo1234', next });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(expected);
  });

  it.each([
    ['/\\evil.example', '/'],
    ['//evil.example', '/'],
    ['/home\r\nset-cookie: a=b', '/'],
    ['/p/jinse-jiayuan?x=1', '/p/jinse-jiayuan?x=1'],
  ])('after switching language, back=%j goes to %s', async (back, expected) => {
    const res = await post('/locale', { locale: 'en', back });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(expected);
  });
});
