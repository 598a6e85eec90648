import { AuditVerdictSchema } from '@city/contracts';
import { verifyAudit } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/audit/verify',
  tags: ['neighbourhood'],
  summary: '校验审计哈希链，指出第一个断裂处 / Verify the chain and name the first broken link',
  access: ['tenant:admin'],
  request: { params: tenantParams },
  responses: {
    200: json(AuditVerdictSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json(await verifyAudit(c.get('tx'), c.get('tenant').id), 200);
};
