import { PluginPurgeSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, errorResponses, jsonBody, type Handler } from '../../lib/route.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/purge',
  tags: ['plugins'],
  summary:
    '清除已卸载插件在本小区的全部数据（输入插件标识确认）/ Delete an uninstalled plugin’s data here, confirmed by its id',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginPurgeSchema) },
  responses: {
    204: { description: '已清除 / Purged' },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  await c
    .get('services')
    .pluginRuntime.installs.purge(
      c.get('tx'),
      installContext(c),
      c.req.valid('param').pluginId,
      c.req.valid('json').confirm,
    );
  return c.body(null, 204);
};
