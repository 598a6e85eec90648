import { z } from '@hono/zod-openapi';
import { IdSchema, RegionSchema, RegionUpdateSchema } from '@city/contracts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/regions/{regionId}',
  tags: ['regions'],
  summary: '修改区划名称或代码 / Rename a region or set its code',
  access: ['operator'],
  request: { params: z.object({ regionId: IdSchema }), body: jsonBody(RegionUpdateSchema) },
  responses: {
    200: json(RegionSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(await c.get('services').regions.update(c.req.valid('param').regionId, c.req.valid('json')), 200);
};
