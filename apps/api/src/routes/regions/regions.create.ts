import { RegionCreateSchema, RegionSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/regions',
  tags: ['regions'],
  summary: '新增区划 / Add a region',
  access: ['operator'],
  request: { body: jsonBody(RegionCreateSchema) },
  errors: [409],
  responses: {
    201: json(RegionSchema, 'Created'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(await c.get('services').regions.create(c.req.valid('json')), 201);
};
