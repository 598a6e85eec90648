import { z } from '@hono/zod-openapi';
import { PluginIdSchema, PluginVersionStatusSchema } from '@city/contracts';
import { AppError } from '@city/core';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/plugins/{pluginId}/versions/{version}',
  tags: ['plugins'],
  summary: '上架或下架一个插件版本（下架后不可新装，已安装的小区会看到提示）/ Make a version available or withdraw it',
  access: ['operator'],
  request: {
    params: z.object({
      pluginId: PluginIdSchema,
      version: z
        .string()
        .max(40)
        .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { error: 'invalid_format' }),
    }),
    body: jsonBody(PluginVersionStatusSchema),
  },
  responses: {
    204: { description: 'OK' },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId, version } = c.req.valid('param');
  if (!c.get('services').pluginRuntime.catalogue.get(pluginId)) throw new AppError('not_found');
  await c.get('services').pluginRuntime.versions.set(pluginId, version, c.req.valid('json'), actorOf(c).id);
  return c.body(null, 204);
};
