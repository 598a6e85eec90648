import { VERIFIERS, VerificationListQuerySchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { verificationList } from './verification.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/verifications',
  tags: ['verification'],
  summary: '住户认证（待审核在前）/ Resident verifications, oldest pending first',
  access: VERIFIERS,
  request: { params: tenantParams, query: VerificationListQuerySchema },
  responses: {
    200: json(verificationList),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').verification.list(c.get('tx'), c.req.valid('query').status);
  return c.json(serialize({ items }), 200);
};
