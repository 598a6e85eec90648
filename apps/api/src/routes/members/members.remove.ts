import { TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { memberParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/t/{tenant}/members/{memberId}',
  tags: ['neighbourhood'],
  summary: '移出成员 / Remove a member',
  access: TENANT_MANAGERS,
  request: { params: memberParams },
  errors: [409],
  responses: {
    204: { description: 'Removed' },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').members.remove(c.get('tx'), auditContext(c), c.req.valid('param').memberId);
  return c.body(null, 204);
};
