import { z } from '@hono/zod-openapi';
import { BuildingSchema, REGISTRY_READERS } from '@city/contracts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
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
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').registry.buildings(c.get('tx'));
  return c.json(serialize({ items }), 200);
};
