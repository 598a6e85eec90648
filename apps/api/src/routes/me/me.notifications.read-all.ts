import { defineRoute } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/me/notifications/read-all',
  tags: ['me'],
  summary: '全部标为已读 / Mark all read',
  access: ['user'],
  responses: { 204: { description: 'All read' } },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').inbox.markAllRead(actorOf(c).id);
  return c.body(null, 204);
};
