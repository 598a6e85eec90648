import { z } from '@hono/zod-openapi';
import { REGISTRY_READERS, UnitSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { buildingParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/buildings/{buildingId}/units',
  tags: ['registry'],
  summary: '楼栋内的房屋及现业主（脱敏）/ Units of a building with current owners, masked',
  access: REGISTRY_READERS,
  request: { params: buildingParams },
  responses: {
    200: json(z.object({ items: z.array(UnitSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').registry.units(c.get('tx'), c.req.valid('param').buildingId);
  return c.json(serialize({ items }), 200);
};
