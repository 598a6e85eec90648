import { z } from '@hono/zod-openapi';
import { defineRoute, json } from '@city/contracts/routes';
import { definePlugin } from '@city/plugin-sdk';
import { definePluginServer, pluginRoute, type PluginServer } from '@city/plugin-sdk/server';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../lib/router.ts';
import { pluginRouters } from './mount.ts';

const manifest = definePlugin({
  id: 'probe',
  version: '1.0.0',
  name: { 'zh-CN': '探针', en: 'Probe' },
  description: { 'zh-CN': '测试用', en: 'For tests' },
  icon: 'puzzle',
  category: 'community',
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: [],
  settings: z.object({}),
  settingsText: {},
  roles: [{ id: 'keeper', name: { 'zh-CN': '管理员', en: 'Keeper' }, description: { 'zh-CN': '管理', en: 'Keeps' } }],
});

const ok = json(z.object({ ok: z.boolean() }));
/** A plugin whose API for an audience (members' by default) has one route declared with these grants. */
const memberRoute = (access: readonly string[], grouped?: true, audience: 'routes' | 'regionRoutes' = 'routes') =>
  definePluginServer({
    manifest,
    [audience]: (router: Parameters<NonNullable<PluginServer['routes']>>[0]) =>
      router.openapi(
        pluginRoute({
          method: 'get',
          path: '/x',
          access: access as never,
          responses: { 200: ok },
          ...(grouped ? { grouped } : {}),
        }),
        (c) => c.json({ ok: true }, 200),
      ),
  });
const regionRoute = (access: readonly string[]) => memberRoute(access, undefined, 'regionRoutes');

describe('plugin routes are refused when mounted unless their grants fit their audience', () => {
  it('admits members, core roles and the plugin’s own roles on member routes', () => {
    expect(() => pluginRouters(memberRoute(['tenant:member']))).not.toThrow();
    expect(() => pluginRouters(memberRoute(['tenant:admin', 'plugin-role:probe.keeper']))).not.toThrow();
  });

  it('refuses another plugin’s role, an unknown role, and grants of other audiences', () => {
    expect(() => pluginRouters(memberRoute(['plugin-role:voting.keeper']))).toThrow(/which member routes cannot/);
    expect(() => pluginRouters(memberRoute(['plugin-role:probe.nobody']))).toThrow(/which member routes cannot/);
    expect(() => pluginRouters(memberRoute(['public']))).toThrow(/which member routes cannot/);
    expect(() => pluginRouters(memberRoute(['org:member']))).toThrow(/which member routes cannot/);
    expect(() => pluginRouters(memberRoute(['region:staff']))).toThrow(/which member routes cannot/);
  });

  it('admits only region staff on region routes, mounted under the region with a {region} parameter', () => {
    const [mounted] = pluginRouters(regionRoute(['region:staff']));
    expect(mounted!.prefix).toBe('/api/v1/r/:region/p/probe');
    expect(() => pluginRouters(regionRoute(['region:staff', 'operator']))).toThrow(/which region routes cannot/);
    expect(() => pluginRouters(regionRoute(['region-staff']))).toThrow(/which region routes cannot/);
    expect(() => pluginRouters(regionRoute(['tenant:member']))).toThrow(/which region routes cannot/);
  });

  it('keeps grouped routes for members as such', () => {
    expect(() => pluginRouters(memberRoute(['tenant:member'], true))).not.toThrow();
    expect(() => pluginRouters(memberRoute(['tenant:admin'], true))).toThrow(/grouped routes are for members/);
  });

  it('refuses a route that declares no grants (default deny)', () => {
    expect(() => pluginRouters(memberRoute([]))).toThrow(/declare who may call it/);
  });
});

describe('core routers', () => {
  it('refuse a route that declares no grants', () => {
    const route = defineRoute({ method: 'get', path: '/api/v1/probe', access: [], responses: { 200: ok } });
    expect(() => createRouter().openapi(route, (c) => c.json({ ok: true }, 200))).toThrow(/declare who may call it/);
  });
});
