import { z } from '@hono/zod-openapi';
import { APP_ICONS } from '@city/contracts';
import { AppError } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { readPublicly } from '../../access/enter-tenant.ts';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/plugins/{pluginId}',
  tags: ['plugins'],
  summary: '小区启用的插件的公开页面（无需登录）/ A plugin’s public pages in a neighbourhood, no sign-in',
  access: ['public'],
  request: { params: tenantParams.extend({ pluginId: z.string().max(64) }) },
  responses: {
    200: json(
      z.object({
        neighbourhood: z.object({ slug: z.string(), name: z.string() }),
        plugin: z.object({ id: z.string(), name: Localized, icon: z.enum(APP_ICONS) }),
      }),
    ),
  },
});

/** Whether the plugin is enabled here and offers public pages (its answer is the same for every visitor). */
export const handler: Handler<typeof route> = async (c) => {
  const { pluginRuntime } = c.get('services');
  const { pluginId } = c.req.valid('param');
  const { tenant, offered } = await readPublicly(c, async (tx, tenant) => ({
    tenant,
    offered: await pluginRuntime.installs.offering(tx, 'public'),
  }));
  const plugin = offered.find((p) => p.id === pluginId);
  if (!plugin) throw new AppError('not_found');
  c.header('cache-control', 'public, max-age=60');
  return c.json({ neighbourhood: { slug: tenant.slug, name: tenant.name }, plugin }, 200);
};
