import { z } from '@hono/zod-openapi';
import { AuditPageSchema, AuditVerdictSchema, PageQuerySchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/audit',
  tags: ['supervision'],
  summary: '辖区小区的审计日志及校验结果（只读）/ Audit trail and chain verdict of a supervised neighbourhood',
  access: ['region-staff', 'operator'],
  request: { params: tenantParams, query: PageQuerySchema },
  responses: {
    200: json(z.object({ page: AuditPageSchema, verdict: AuditVerdictSchema })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const view = await c.get('services').supervision.audit(actorOf(c), c.req.valid('param').tenant, c.req.valid('query'));
  return c.json(serialize(view), 200);
};
