import { AuditPageSchema, AuditQuerySchema } from '@city/contracts';
import { listAudit } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/audit',
  tags: ['neighbourhood'],
  summary:
    '审计日志（哈希链，最新在前），可按操作人、操作和日期筛选 / Audit trail, newest first, filtered by actor, action and date',
  access: ['tenant:admin'],
  request: { params: tenantParams, query: AuditQuerySchema },
  responses: {
    200: json(AuditPageSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const page = await listAudit(c.get('tx'), c.get('tenant').id, c.req.valid('query'));
  return c.json(serialize(page), 200);
};
