import { z } from '@hono/zod-openapi';
import { SupervisedNeighbourhoodSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods',
  tags: ['supervision'],
  summary: '辖区内的小区（只读）/ Neighbourhoods in my branch (read-only)',
  access: ['region-staff', 'operator'],
  responses: {
    200: json(z.object({ items: z.array(SupervisedNeighbourhoodSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(serialize({ items: await c.get('services').supervision.neighbourhoods(actorOf(c)) }), 200);
};
