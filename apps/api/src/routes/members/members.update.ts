import { z } from '@hono/zod-openapi';
import { MemberUpdateSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { memberParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/t/{tenant}/members/{memberId}',
  tags: ['neighbourhood'],
  summary: '调整成员角色 / Change a member’s roles',
  description: '不能移除最后一名管理员。The last admin cannot be demoted.',
  access: TENANT_MANAGERS,
  request: { params: memberParams, body: jsonBody(MemberUpdateSchema) },
  errors: [409],
  responses: {
    200: json(z.object({ id: z.string() })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const updated = await c
    .get('services')
    .members.updateRoles(c.get('tx'), auditContext(c), c.req.valid('param').memberId, c.req.valid('json').roles);
  return c.json(updated, 200);
};
