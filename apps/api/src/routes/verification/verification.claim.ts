import { ClaimSchema, VerificationSchema } from '@city/contracts';
import { CLAIM_LIMIT } from '@city/core';
import { actorOf, auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody, PROBLEMS } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/claims',
  tags: ['verification'],
  summary: '用邀请函上的认证码认领房屋 / Claim a unit with the code from its letter',
  access: ['tenant:visitor'],
  limit: { bucket: 'claim', ...CLAIM_LIMIT },
  request: { params: tenantParams, body: jsonBody(ClaimSchema) },
  errors: [409],
  responses: {
    201: json(
      VerificationSchema,
      '已认证，或待管理员确认业主身份 / Verified, or waiting for the admin to confirm ownership',
    ),
    410: { ...PROBLEMS[410], description: '认证码已过期或作废 / Code expired or replaced' },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const verification = await c
    .get('services')
    .verification.claim(c.get('tx'), auditContext(c), actorOf(c), c.req.valid('json'));
  return c.json(serialize(verification), 201);
};
