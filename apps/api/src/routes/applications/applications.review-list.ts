import { z } from '@hono/zod-openapi';
import { ApplicationListQuerySchema, ApplicationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
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
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').applications.forSupervisor(actorOf(c), c.req.valid('query').status);
  return c.json(serialize({ items }), 200);
};
