import { z } from '@hono/zod-openapi';
import { BuildingSchema, REGISTRY_READERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/buildings',
  tags: ['registry'],
  summary: '楼栋列表 / Buildings',
  access: REGISTRY_READERS,
  request: { params: tenantParams },
  responses: {
    200: json(z.object({ items: z.array(BuildingSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').registry.buildings(c.get('tx'));
  return c.json(serialize({ items }), 200);
};
