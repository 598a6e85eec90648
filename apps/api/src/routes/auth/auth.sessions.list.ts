import { z } from '@hono/zod-openapi';
import { SessionSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/auth/sessions',
  tags: ['auth'],
  summary: '我的登录会话 / My sessions',
  access: ['user'],
  responses: { 200: json(z.object({ items: z.array(SessionSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  const actor = actorOf(c);
  const sessions = await c.get('services').sessions.list(actor.id);
  return c.json(serialize({ items: sessions.map((s) => ({ ...s, current: s.id === actor.sessionId })) }), 200);
};
