import { PluginDetailSchema, TENANT_MANAGERS, PluginInstallSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/install',
  tags: ['plugins'],
  summary: '安装插件并授予其申请的权限 / Install a plugin, granting the scopes it asks for',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginInstallSchema) },
  errors: [409],
  responses: {
    200: json(PluginDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId } = c.req.valid('param');
  const detail = await c
    .get('services')
    .pluginRuntime.installs.install(c.get('tx'), installContext(c), pluginId, c.req.valid('json'));
  return c.json(serialize(detail), 200);
};
