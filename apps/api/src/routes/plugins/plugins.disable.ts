import { PluginDetailSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { installContext, pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/disable',
  tags: ['plugins'],
  summary: '停用插件（数据保留，接口返回404）/ Disable: data kept, its API answers 404',
  access: TENANT_MANAGERS,
  request: { params: pluginParams },
  errors: [409],
  responses: {
    200: json(PluginDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId } = c.req.valid('param');
  const detail = await c
    .get('services')
    .pluginRuntime.installs.setEnabled(c.get('tx'), installContext(c), pluginId, false);
  return c.json(serialize(detail), 200);
};
