import { PluginRoleGrantsSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
import { pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/roles',
  tags: ['plugins'],
  summary: '获得插件角色的成员 / Members holding the roles this plugin adds',
  access: TENANT_MANAGERS,
  request: { params: pluginParams },
  responses: {
    200: json(PluginRoleGrantsSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const list = await c.get('services').pluginRuntime.roles.list(c.get('tx'), c.req.valid('param').pluginId);
  return c.json(list, 200);
};
