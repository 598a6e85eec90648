import { z } from '@hono/zod-openapi';
import { MemberUpdateSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { memberParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/t/{tenant}/members/{memberId}',
  tags: ['neighbourhood'],
  summary: '调整成员角色 / Change a member’s roles',
  description: '不能移除最后一名管理员。The last admin cannot be demoted.',
  access: TENANT_MANAGERS,
  request: { params: memberParams, body: jsonBody(MemberUpdateSchema) },
  responses: {
    200: json(z.object({ id: z.string() })),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const updated = await c
    .get('services')
    .members.updateRoles(c.get('tx'), auditContext(c), c.req.valid('param').memberId, c.req.valid('json').roles);
  return c.json(updated, 200);
};
