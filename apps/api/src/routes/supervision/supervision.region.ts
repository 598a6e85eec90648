import { z } from '@hono/zod-openapi';
import { RegionSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/regions/{region}',
  tags: ['supervision'],
  summary: '我任职（或上级任职）的区划 / A region I am on the staff of, or above',
  access: ['region:staff'],
  // The access check has resolved `:region` to the caller's region before validation; anything else was a 404.
  request: { params: z.object({ region: z.string().openapi({ description: 'Region id' }) }) },
  responses: { 200: json(RegionSchema) },
});

export const handler: Handler<typeof route> = (c) => c.json(c.get('staffRegion'), 200);
