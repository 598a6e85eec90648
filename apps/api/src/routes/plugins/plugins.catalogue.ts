import { z } from '@hono/zod-openapi';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/plugins',
  tags: ['plugins'],
  summary: '平台插件目录与各版本上架状态（平台运营）/ The platform’s plugin catalogue with version status (operators)',
  access: ['operator'],
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            version: z.string(),
            name: z.object({ 'zh-CN': z.string(), en: z.string() }),
            withdrawn: z.array(z.object({ version: z.string(), reason: z.string().nullable() })),
          }),
        ),
      }),
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginRuntime } = c.get('services');
  const withdrawn = await pluginRuntime.versions.withdrawn();
  const items = pluginRuntime.catalogue.all().map(({ manifest }) => ({
    id: manifest.id,
    version: manifest.version,
    name: manifest.name,
    withdrawn: withdrawn
      .filter((w) => w.pluginId === manifest.id)
      .map((w) => ({ version: w.version, reason: w.reason })),
  }));
  return c.json({ items }, 200);
};
