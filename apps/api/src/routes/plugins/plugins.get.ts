import { PluginDetailSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}',
  tags: ['plugins'],
  summary: '插件详情、安装状态与未送达的事件 / A plugin, its install here and its undelivered events',
  access: TENANT_MANAGERS,
  request: { params: pluginParams },
  responses: {
    200: json(PluginDetailSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const detail = await c.get('services').pluginRuntime.installs.detail(c.get('tx'), c.req.valid('param').pluginId);
  return c.json(serialize(detail), 200);
};
