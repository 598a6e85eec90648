import { pageOf, VERIFIERS, VerificationListQuerySchema, VerificationSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/verifications',
  tags: ['verification'],
  summary:
    '住户认证（待审核的最早在前，其余最新在前；分页）/ Resident verifications: pending oldest first, others newest first; paged',
  access: VERIFIERS,
  request: { params: tenantParams, query: VerificationListQuerySchema },
  responses: {
    200: json(pageOf(VerificationSchema).openapi('VerificationPage')),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const page = await c.get('services').verification.list(c.get('tx'), c.req.valid('query'));
  return c.json(serialize(page), 200);
};
