import { z } from '@hono/zod-openapi';
import { PluginNavigationSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { actorOf } from '../../lib/request-meta.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/plugins/navigation',
  tags: ['plugins'],
  summary:
    '本小区已启用的插件、我在其中的角色及导航入口 / The enabled plugins, my roles in them and their navigation entries',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: {
    200: json(z.object({ plugins: z.array(PluginNavigationSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const plugins = await c
    .get('services')
    .pluginRuntime.installs.navigation(c.get('tx'), actorOf(c).id, c.get('member').roles);
  return c.json({ plugins }, 200);
};
