import { z } from '@hono/zod-openapi';
import {
  FeedbackActionSchema,
  FeedbackBulkAssignSchema,
  FeedbackDetailSchema,
  FeedbackPageSchema,
  FeedbackQuerySchema,
  FeedbackReportInputSchema,
} from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { reportParams, viewerOf } from './feedback.common.ts';

export const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/feedback',
  tags: ['neighbourhood'],
  summary: '码上提：反映问题（工作人员可代为登记来电、来访）/ Report a problem (staff log calls and visits)',
  access: ['tenant:member'],
  request: { params: tenantParams, body: jsonBody(FeedbackReportInputSchema) },
  responses: { 201: json(FeedbackDetailSchema) },
});

export const createHandler: Handler<typeof createRoute> = async (c) => {
  const report = await c.get('services').feedback.open(c.get('tx'), auditContext(c), viewerOf(c), c.req.valid('json'));
  return c.json(serialize(report), 201);
};

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback',
  tags: ['neighbourhood'],
  summary: '反映列表：工作人员看全部，承办单位看交办给它的，居民看自己的 / Reports I may see',
  access: ['tenant:member'],
  request: { params: tenantParams, query: FeedbackQuerySchema },
  responses: { 200: json(FeedbackPageSchema) },
});

export const listHandler: Handler<typeof listRoute> = async (c) => {
  const { overdue, mine, ...query } = c.req.valid('query');
  const { feedback, clock } = c.get('services');
  const page = await feedback.list(
    c.get('tx'),
    viewerOf(c),
    { ...query, overdue: overdue === 'true', mine: mine === 'true' },
    clock.now(),
  );
  return c.json(serialize(page), 200);
};

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback/{reportId}',
  tags: ['neighbourhood'],
  summary: '一条反映及其办理过程 / One report and its steps',
  access: ['tenant:member'],
  request: { params: reportParams },
  responses: { 200: json(FeedbackDetailSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) => {
  const { feedback, clock } = c.get('services');
  const report = await feedback.get(c.get('tx'), viewerOf(c), c.req.valid('param').reportId, clock.now());
  return c.json(serialize(report), 200);
};

export const actRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/feedback/{reportId}/actions',
  tags: ['neighbourhood'],
  summary: '办理一步：梳理、交办、进展、答复、退回、评价 / Take a step of the loop',
  access: ['tenant:member'],
  request: { params: reportParams, body: jsonBody(FeedbackActionSchema) },
  errors: [409],
  responses: { 200: json(FeedbackDetailSchema) },
});

export const actHandler: Handler<typeof actRoute> = async (c) => {
  const report = await c
    .get('services')
    .feedback.act(c.get('tx'), auditContext(c), viewerOf(c), c.req.valid('param').reportId, c.req.valid('json'));
  return c.json(serialize(report), 200);
};

export const assignManyRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/feedback/assign',
  tags: ['neighbourhood'],
  summary: '批量交办（全部成功或全部不变）/ Assign several reports to one unit, all or none',
  access: ['tenant:admin', 'tenant:staff'],
  request: { params: tenantParams, body: jsonBody(FeedbackBulkAssignSchema) },
  responses: { 200: json(z.object({ assigned: z.int() })) },
});

export const assignManyHandler: Handler<typeof assignManyRoute> = async (c) =>
  c.json(
    await c.get('services').feedback.assignMany(c.get('tx'), auditContext(c), viewerOf(c), c.req.valid('json')),
    200,
  );
