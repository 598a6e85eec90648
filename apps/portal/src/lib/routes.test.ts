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
    expect(routes.members('jinse', undefined)).toBe('/n/jinse/members');
  });

  it('follows only local paths after sign-in', () => {
    expect(safeNext('/vendor')).toBe('/vendor');
    expect(safeNext('//evil.example')).toBe('/home');
  });
});
