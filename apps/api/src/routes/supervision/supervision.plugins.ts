import { z } from '@hono/zod-openapi';
import { APP_ICONS } from '@city/contracts';
import { withTenantReadOnly } from '@city/db';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/plugins',
  tags: ['supervision'],
  summary:
    '辖区小区启用的、提供监督视图的插件 / The plugins a supervised neighbourhood uses that offer read-only views',
  access: ['region-staff', 'operator'],
  request: { params: tenantParams },
  responses: {
    200: json(
      z.object({
        tenant: z.object({ slug: z.string(), name: z.string() }),
        plugins: z.array(z.object({ id: z.string(), name: Localized, icon: z.enum(APP_ICONS) })),
      }),
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { supervision, db, pluginRuntime } = c.get('services');
  const tenant = await supervision.supervisedTenant(actorOf(c), c.req.valid('param').tenant);
  const plugins = await withTenantReadOnly(db, tenant.id, (tx) => pluginRuntime.installs.offering(tx, 'supervision'));
  return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, plugins }, 200);
};
