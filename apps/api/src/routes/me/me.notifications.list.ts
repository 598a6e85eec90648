import { NotificationPageSchema, NotificationQuerySchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/me/notifications',
  tags: ['me'],
  summary: '我的消息（最新在前）/ My notifications, newest first',
  access: ['user'],
  request: { query: NotificationQuerySchema },
  responses: { 200: json(NotificationPageSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { unread, ...query } = c.req.valid('query');
  const page = await c
    .get('services')
    .inbox.list(actorOf(c).id, c.get('locale'), { ...query, unread: unread === 'true' });
  return c.json(serialize(page), 200);
};
