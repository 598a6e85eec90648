import { PluginPurgeSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/purge',
  tags: ['plugins'],
  summary:
    '清除已卸载插件在本小区的全部数据（输入插件标识确认）/ Delete an uninstalled plugin’s data here, confirmed by its id',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginPurgeSchema) },
  errors: [409],
  responses: {
    204: { description: '已清除 / Purged' },
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
