import { PluginDetailSchema, TENANT_MANAGERS, PluginUpgradeSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/upgrade',
  tags: ['plugins'],
  summary:
    '升级到目录中的新版本（升级钩子在事务中执行一次）/ Upgrade to the catalogue’s version (its hook runs once, in the transaction)',
  access: TENANT_MANAGERS,
  request: { params: pluginParams, body: jsonBody(PluginUpgradeSchema) },
  errors: [409],
  responses: {
    200: json(PluginDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId } = c.req.valid('param');
  const detail = await c
    .get('services')
    .pluginRuntime.installs.upgrade(c.get('tx'), installContext(c), pluginId, c.req.valid('json').grantedScopes);
  return c.json(serialize(detail), 200);
};
