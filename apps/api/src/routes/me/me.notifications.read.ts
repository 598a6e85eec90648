import { IdSchema } from '@city/contracts';
import { defineRoute } from '@city/contracts/routes';
import { z } from '@hono/zod-openapi';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/me/notifications/{notificationId}/read',
  tags: ['me'],
  summary: '标为已读 / Mark one read',
  access: ['user'],
  request: { params: z.object({ notificationId: IdSchema }) },
  responses: { 204: { description: 'Read' } },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').inbox.markRead(actorOf(c).id, c.req.valid('param').notificationId);
  return c.body(null, 204);
};
