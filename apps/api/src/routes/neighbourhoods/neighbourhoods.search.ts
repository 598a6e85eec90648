import { NeighbourhoodSearchQuerySchema, NeighbourhoodSearchSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/neighbourhoods',
  tags: ['neighbourhoods'],
  summary: '按名称查找小区（新用户找到自己的小区）/ Find a neighbourhood by name',
  access: ['user'],
  request: { query: NeighbourhoodSearchQuerySchema },
  responses: { 200: json(NeighbourhoodSearchSchema) },
});

export const handler: Handler<typeof route> = async (c) =>
  c.json({ items: await c.get('services').tenants.search(c.req.valid('query').q) }, 200);
