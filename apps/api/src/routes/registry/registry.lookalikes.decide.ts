import { LookalikeDecisionInputSchema, LookalikeDecisionSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { ownerParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/lookalikes/{ownerId}/decision',
  tags: ['registry'],
  summary:
    '确认疑似同一人的业主记录：同一人（合并到此记录）或不同的人（记录在案）/ Confirm lookalike owner records: one person (merged into this record) or different people',
  access: TENANT_MANAGERS,
  request: { params: ownerParams, body: jsonBody(LookalikeDecisionInputSchema) },
  errors: [409],
  responses: {
    200: json(LookalikeDecisionSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const decided = await c
    .get('services')
    .lookalikes.decide(c.get('tx'), auditContext(c), c.req.valid('param').ownerId, c.req.valid('json'));
  return c.json(decided, 200);
};
