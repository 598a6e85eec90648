import { z } from '@hono/zod-openapi';
import { IdSchema, MembershipSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/me/invitations/{invitationId}/accept',
  tags: ['me'],
  summary: '接受邀请加入小区 / Accept an invitation to a neighbourhood',
  access: ['user'],
  request: { params: z.object({ invitationId: IdSchema }) },
  errors: [409],
  responses: {
    200: json(MembershipSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const membership = await c.get('services').invitations.accept(actorOf(c), c.req.valid('param').invitationId);
  return c.json(membership, 200);
};
