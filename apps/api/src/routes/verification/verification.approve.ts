import { VERIFIERS, VerificationApproveSchema, VerificationSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { verificationParams } from './verification.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/verifications/{verificationId}/approve',
  tags: ['verification'],
  summary:
    '批准认证（认定业主或非业主关系，须说明理由） / Approve: link as a registered owner or a non-owner, with a reason',
  access: VERIFIERS,
  request: { params: verificationParams, body: jsonBody(VerificationApproveSchema) },
  responses: {
    200: json(VerificationSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.approve(c.get('tx'), auditContext(c), c.req.valid('param').verificationId, c.req.valid('json'));
  return c.json(serialize(verification), 200);
};
