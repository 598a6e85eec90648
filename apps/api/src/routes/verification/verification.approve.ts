import { VERIFIERS, VerificationApproveSchema, VerificationSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
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
  errors: [409],
  responses: {
    200: json(VerificationSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.approve(c.get('tx'), auditContext(c), c.req.valid('param').verificationId, c.req.valid('json'));
  return c.json(serialize(verification), 200);
};
