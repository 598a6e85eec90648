import { PluginDetailSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/uninstall',
  tags: ['plugins'],
  summary: '卸载插件（数据保留，可另行清除）/ Uninstall: data kept until a purge',
  access: TENANT_MANAGERS,
  request: { params: pluginParams },
  responses: {
    200: json(PluginDetailSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId } = c.req.valid('param');
  const detail = await c.get('services').pluginRuntime.installs.uninstall(c.get('tx'), installContext(c), pluginId);
  return c.json(serialize(detail), 200);
};
