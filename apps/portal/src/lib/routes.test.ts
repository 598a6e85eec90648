import { describe, expect, it } from 'vitest';
import { routes, safeNext } from './routes.ts';

describe('portal URLs', () => {
  it("builds a plugin page's URL from its path, encoding segments and keeping a query", () => {
    expect(routes.pluginPage('jinse', 'services')).toBe('/n/jinse/p/services');
    expect(routes.pluginPage('jinse', 'services', '/orders/a b?placed=1')).toBe(
      '/n/jinse/p/services/orders/a%20b?placed=1',
    );
    expect(routes.organisationPluginPage('0190', 'services', '/orders')).toBe('/vendor/0190/apps/services/orders');
  });

  it('follows only local paths after sign-in', () => {
    expect(safeNext('/vendor')).toBe('/vendor');
    expect(safeNext('//evil.example')).toBe('/home');
  });
});
