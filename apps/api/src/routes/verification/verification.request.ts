import { VerificationRequestSchema, VerificationSchema } from '@city/contracts';
import { actorOf, auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/verifications',
  tags: ['verification'],
  summary: '申请管理员审核认证房屋 / Ask the admin to verify me for a unit',
  access: ['tenant:visitor'],
  limit: { bucket: 'verification-request', max: 20, windowMs: 60 * 60 * 1000 },
  request: { params: tenantParams, body: jsonBody(VerificationRequestSchema) },
  errors: [409],
  responses: {
    201: json(VerificationSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.request(c.get('tx'), auditContext(c), actorOf(c), c.req.valid('json'));
  return c.json(serialize(verification), 201);
};
