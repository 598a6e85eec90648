import { PluginDetailSchema, TENANT_MANAGERS, PluginSettingsSchema } from '@city/contracts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/settings',
  tags: ['plugins'],
  summary: '修改插件设置（按插件的设置定义校验）/ Change the settings, validated by the plugin’s schema',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginSettingsSchema) },
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
  const detail = await c
    .get('services')
    .pluginRuntime.installs.updateSettings(c.get('tx'), installContext(c), pluginId, c.req.valid('json').settings);
  return c.json(serialize(detail), 200);
};
