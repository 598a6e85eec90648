import { VERIFIERS, VerificationDecisionSchema, VerificationSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { verificationParams } from './verification.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/verifications/{verificationId}/revoke',
  tags: ['verification'],
  summary: '撤销已通过的认证（须说明理由，记入审计） / Revoke a verification, with a reason (audited)',
  access: VERIFIERS,
  request: { params: verificationParams, body: jsonBody(VerificationDecisionSchema) },
  errors: [409],
  responses: {
    200: json(VerificationSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.revoke(c.get('tx'), auditContext(c), c.req.valid('param').verificationId, c.req.valid('json').reason);
  return c.json(serialize(verification), 200);
};
