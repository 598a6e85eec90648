import { z } from '@hono/zod-openapi';
import { ApplicationListQuerySchema, ApplicationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/applications',
  tags: ['applications'],
  summary: '辖区内的开通申请 / Applications in my branch of the tree',
  access: ['region-staff', 'operator'],
  request: { query: ApplicationListQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(ApplicationSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').applications.forSupervisor(actorOf(c), c.req.valid('query').status);
  return c.json(serialize({ items }), 200);
};
