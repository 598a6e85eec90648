import { PluginDetailSchema, TENANT_MANAGERS, PluginSettingsSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/settings',
  tags: ['plugins'],
  summary: '修改插件设置（按插件的设置定义校验）/ Change the settings, validated by the plugin’s schema',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginSettingsSchema) },
  errors: [409],
  responses: {
    200: json(PluginDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId } = c.req.valid('param');
  const detail = await c
    .get('services')
    .pluginRuntime.installs.updateSettings(c.get('tx'), installContext(c), pluginId, c.req.valid('json').settings);
  return c.json(serialize(detail), 200);
};
