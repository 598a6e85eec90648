import { z } from '@hono/zod-openapi';
import { MemberSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/members',
  tags: ['supervision'],
  summary: '辖区小区的成员（只读，手机号脱敏）/ Members of a supervised neighbourhood',
  access: ['region-staff', 'operator'],
  request: { params: tenantParams },
  responses: {
    200: json(
      z.object({
        tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
        members: z.array(MemberSchema),
      }),
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const view = await c.get('services').supervision.members(actorOf(c), c.req.valid('param').tenant);
  return c.json(serialize(view), 200);
};
