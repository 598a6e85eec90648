import { z } from '@hono/zod-openapi';
import { AppError } from '@city/core';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/auth/sessions/{sessionId}',
  tags: ['auth'],
  summary: '注销某个会话 / Revoke one of my sessions',
  access: ['user'],
  request: { params: z.object({ sessionId: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked' } },
});

export const handler: Handler<typeof route> = async (c) => {
  const actor = actorOf(c);
  const { sessions } = c.get('services');
  const { sessionId } = c.req.valid('param');
  if (!(await sessions.list(actor.id)).some((s) => s.id === sessionId)) throw new AppError('not_found');
  await sessions.revoke(sessionId);
  return c.body(null, 204);
};
