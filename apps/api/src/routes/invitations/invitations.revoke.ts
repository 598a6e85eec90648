import { InvitationSchema, maskPhone, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { invitationParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/t/{tenant}/invitations/{invitationId}',
  tags: ['neighbourhood'],
  summary: '撤销邀请 / Revoke an invitation',
  access: TENANT_MANAGERS,
  request: { params: invitationParams },
  errors: [409],
  responses: {
    200: json(InvitationSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const revoked = await c
    .get('services')
    .invitations.revoke(c.get('tx'), auditContext(c), c.req.valid('param').invitationId);
  return c.json(serialize({ ...revoked, phone: maskPhone(revoked.phone) }), 200);
};
