import { OwnerContactSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { ownerParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/owners/{ownerId}/contact',
  tags: ['registry'],
  summary: '查看业主完整手机号（记入审计日志）/ An owner’s full number; every read is audited',
  access: TENANT_MANAGERS,
  request: { params: ownerParams },
  responses: {
    200: json(OwnerContactSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const contact = await c
    .get('services')
    .registry.ownerContact(c.get('tx'), auditContext(c), c.req.valid('param').ownerId);
  return c.json(contact, 200);
};
