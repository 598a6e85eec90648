import { z } from '@hono/zod-openapi';
import { AuditFacetsSchema, AuditPageSchema, AuditQuerySchema, AuditVerdictSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { facetsInWords } from '../audit/audit.facets.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/audit',
  tags: ['supervision'],
  summary:
    '辖区小区的审计日志及校验结果（只读），可按操作人、操作和日期筛选 / Audit trail and chain verdict of a supervised neighbourhood, filtered by actor, action and date',
  access: ['region-staff', 'operator'],
  request: { params: tenantParams, query: AuditQuerySchema },
  responses: {
    200: json(z.object({ page: AuditPageSchema, verdict: AuditVerdictSchema })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const view = await c.get('services').supervision.audit(actorOf(c), c.req.valid('param').tenant, c.req.valid('query'));
  return c.json(serialize(view), 200);
};

export const facetsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/audit/facets',
  tags: ['supervision'],
  summary:
    '辖区小区审计日志的筛选项（只读）/ What a supervised neighbourhood’s trail can be filtered by: who acted and the actions',
  access: ['region-staff', 'operator'],
  request: { params: tenantParams },
  responses: {
    200: json(AuditFacetsSchema),
  },
});

export const facetsHandler: Handler<typeof facetsRoute> = async (c) => {
  const { supervision, pluginRuntime } = c.get('services');
  const facets = await supervision.auditFacets(actorOf(c), c.req.valid('param').tenant);
  return c.json(facetsInWords(facets, pluginRuntime.catalogue), 200);
};
