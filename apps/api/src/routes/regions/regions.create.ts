import { RegionCreateSchema, RegionSchema } from '@city/contracts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/regions',
  tags: ['regions'],
  summary: '新增区划 / Add a region',
  access: ['operator'],
  request: { body: jsonBody(RegionCreateSchema) },
  responses: {
    201: json(RegionSchema, 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(await c.get('services').regions.create(c.req.valid('json')), 201);
};
