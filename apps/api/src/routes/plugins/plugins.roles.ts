import { PluginRoleGrantsSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/roles',
  tags: ['plugins'],
  summary: '获得插件角色的成员 / Members holding the roles this plugin adds',
  access: TENANT_MANAGERS,
  request: { params: pluginParams },
  errors: [409],
  responses: {
    200: json(PluginRoleGrantsSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const list = await c.get('services').pluginRuntime.roles.list(c.get('tx'), c.req.valid('param').pluginId);
  return c.json(list, 200);
};
