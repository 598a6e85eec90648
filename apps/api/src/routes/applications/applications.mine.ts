import { z } from '@hono/zod-openapi';
import { ApplicationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/applications/mine',
  tags: ['applications'],
  summary: '我提交的开通申请 / My applications',
  access: ['user'],
  responses: { 200: json(z.object({ items: z.array(ApplicationSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(serialize({ items: await c.get('services').applications.mine(actorOf(c).id) }), 200);
};
