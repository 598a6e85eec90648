import { z } from '@hono/zod-openapi';
import { MemberSchema, PageQuerySchema, pageOf, TENANT_READERS, TENANT_ROLES } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/members',
  tags: ['neighbourhood'],
  summary: '小区成员（手机号脱敏）/ Members, phone numbers masked',
  access: TENANT_READERS,
  request: {
    params: tenantParams,
    query: PageQuerySchema.extend({
      q: z.string().trim().max(40).optional().openapi({ description: '名字包含 / Name contains' }),
      role: z
        .enum(TENANT_ROLES)
        .optional()
        .openapi({ description: '只列有此角色的成员 / Only members with this role' }),
    }),
  },
  responses: {
    200: json(pageOf(MemberSchema)),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const page = await c.get('services').members.list(c.get('tx'), c.req.valid('query'));
  return c.json(serialize(page), 200);
};
