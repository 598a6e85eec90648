import { InvitationCreateSchema, InvitationSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/invitations',
  tags: ['neighbourhood'],
  summary: '邀请成员（短信通知）/ Invite someone by mobile number (sent by SMS)',
  description: '对同一号码再次邀请会更新原邀请。Inviting the same number again renews the open invitation.',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(InvitationCreateSchema) },
  // The invitation is texted: within the send limits (429), through a carrier that may be down (503).
  errors: [409, 429, 503],
  responses: {
    201: json(InvitationSchema, 'Invited'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const invitation = await c
    .get('services')
    .invitations.create(
      c.get('tx'),
      { ...auditContext(c), tenantName: c.get('tenant').name, locale: c.get('locale') },
      c.req.valid('json'),
    );
  return c.json(serialize(invitation), 201);
};
