import { describe, expect, it } from 'vitest';
import { pluginPath } from '@city/plugin-sdk/links';
import { routes, safeNext } from './routes.ts';

describe('portal URLs', () => {
  it("builds a plugin page's URL from a path inside the plugin, keeping its query", () => {
    expect(routes.pluginPage('jinse', 'services')).toBe('/n/jinse/p/services');
    expect(routes.pluginPage('jinse', 'services', pluginPath('/orders/[id]', { id: 'a b' }, { placed: 1 }))).toBe(
      '/n/jinse/p/services/orders/a%20b?placed=1',
    );
    expect(routes.organisationPluginPage('0190', 'services', '/orders')).toBe('/vendor/0190/apps/services/orders');
    expect(routes.regionPluginPage('0191', 'party', '/')).toBe('/supervision/regions/0191/apps/party');
    expect(routes.members('jinse', undefined)).toBe('/n/jinse/members');
  });

  it('follows paths of this site, with their queries', () => {
    expect(safeNext('/vendor')).toBe('/vendor');
    expect(safeNext('/n/jinse/my?code=AB12-CD34')).toBe('/n/jinse/my?code=AB12-CD34');
    expect(safeNext('/n/jinse/p/voting/meetings?status=open#latest')).toBe(
      '/n/jinse/p/voting/meetings?status=open#latest',
    );
    expect(safeNext('/n/%E9%87%91%E8%89%B2/notices')).toBe('/n/%E9%87%91%E8%89%B2/notices');
    // A raw character outside Latin-1 would make the Location header throw: it goes back encoded.
    expect(safeNext('/n/金色?q=张伟')).toBe('/n/%E9%87%91%E8%89%B2?q=%E5%BC%A0%E4%BC%9F');
    expect(safeNext('/sign-in?next=%2Fhome')).toBe('/sign-in?next=%2Fhome');
  });

  it.each([
    '/\\evil.example',
    '//evil.example',
    '//evil.example/home',
    '///evil.example',
    'https://evil.example',
    'HTTPS://evil.example/home',
    'javascript:alert(1)',
    ' /home',
    'home',
    '/%5Cevil',
    '/%5cevil.example',
    '/%2F%2Fevil.example',
    '/%2fevil.example',
    '/home\\..\\evil',
    '/a/../..//evil.example',
    '/home\r\nset-cookie: a=b',
    '/home\u0000',
    '/home%0d%0aset-cookie:%20a=b',
    '/%E4%B8',
    '',
    null,
    undefined,
  ])('sends %j back to the fallback', (target) => {
    expect(safeNext(target)).toBe('/home');
    expect(safeNext(target, routes.landing())).toBe('/');
  });
});
