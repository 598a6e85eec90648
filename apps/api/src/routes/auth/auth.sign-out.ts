import { z } from '@hono/zod-openapi';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { clearSessionCookie } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/sign-out',
  tags: ['auth'],
  summary: '退出登录（本会话或全部会话）/ Sign out of this session or of all',
  access: ['user'],
  request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
  responses: { 204: { description: 'Signed out' } },
});

export const handler: Handler<typeof route> = async (c) => {
  const actor = actorOf(c);
  const { sessions } = c.get('services');
  if (c.req.valid('query').all === 'true') await sessions.revokeAll(actor.id);
  else await sessions.revoke(actor.sessionId);
  clearSessionCookie(c);
  return c.body(null, 204);
};
