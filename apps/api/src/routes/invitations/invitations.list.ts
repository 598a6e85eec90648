import { z } from '@hono/zod-openapi';
import { InvitationSchema, maskPhone, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/invitations',
  tags: ['neighbourhood'],
  summary: '邀请记录 / Invitations',
  access: TENANT_MANAGERS,
  request: { params: tenantParams },
  responses: {
    200: json(z.object({ items: z.array(InvitationSchema) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').invitations.list(c.get('tx'));
  return c.json(serialize({ items: items.map((i) => ({ ...i, phone: maskPhone(i.phone) })) }), 200);
};
