import { PluginDetailSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
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
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const detail = await c.get('services').pluginRuntime.installs.detail(c.get('tx'), c.req.valid('param').pluginId);
  return c.json(serialize(detail), 200);
};
