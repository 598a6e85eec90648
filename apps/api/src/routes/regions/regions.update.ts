import { z } from '@hono/zod-openapi';
import { IdSchema, RegionSchema, RegionUpdateSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/regions/{regionId}',
  tags: ['regions'],
  summary: '修改区划名称或代码 / Rename a region or set its code',
  access: ['operator'],
  request: { params: z.object({ regionId: IdSchema }), body: jsonBody(RegionUpdateSchema) },
  errors: [409],
  responses: {
    200: json(RegionSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(await c.get('services').regions.update(c.req.valid('param').regionId, c.req.valid('json')), 200);
};
