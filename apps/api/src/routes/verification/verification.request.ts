import { VerificationRequestSchema, VerificationSchema } from '@city/contracts';
import { actorOf, auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/verifications',
  tags: ['verification'],
  summary: '申请管理员审核认证房屋 / Ask the admin to verify me for a unit',
  access: ['tenant:visitor'],
  limit: { bucket: 'verification-request', limit: { max: 20, windowMs: 60 * 60 * 1000 } },
  request: { params: tenantParams, body: jsonBody(VerificationRequestSchema) },
  responses: {
    201: json(VerificationSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: errorResponses[409],
    429: errorResponses[429],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.request(c.get('tx'), auditContext(c), actorOf(c), c.req.valid('json'));
  return c.json(serialize(verification), 201);
};
