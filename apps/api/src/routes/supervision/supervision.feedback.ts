import { z } from '@hono/zod-openapi';
import {
  ExportQuerySchema,
  FeedbackDetailWithNeighbourhoodSchema,
  FeedbackMetricsQuerySchema,
  FeedbackMetricsSchema,
  IdSchema,
  OverdueFeedbackSchema,
} from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import { beijingDate, metricsTable } from '@city/core';
import { MEDIA_TYPES, writeTable } from '@city/documents/sheets';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { downloadHeaders, file } from '../../lib/files.ts';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { photoResponse } from '../feedback/feedback.common.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

const SUPERVISORS = ['region-staff', 'operator'] as const;

export const overdueRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/feedback/overdue',
  tags: ['supervision'],
  summary: '辖区内已逾期的码上提反映（督办）/ Overdue reports across the branch',
  access: [...SUPERVISORS],
  responses: { 200: json(z.object({ items: z.array(OverdueFeedbackSchema) })) },
});

export const overdueHandler: Handler<typeof overdueRoute> = async (c) =>
  c.json({ items: await c.get('services').feedbackSupervision.overdue(actorOf(c)) }, 200);

export const reportRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/feedback/{reportId}',
  tags: ['supervision'],
  summary: '辖区小区的一条反映及其办理过程（只读，不显示反映人）/ One report of a supervised neighbourhood',
  access: [...SUPERVISORS],
  request: { params: tenantParams.extend({ reportId: IdSchema }) },
  responses: { 200: json(FeedbackDetailWithNeighbourhoodSchema) },
});

export const reportHandler: Handler<typeof reportRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  const report = await c.get('services').feedbackSupervision.report(actorOf(c), tenant, reportId);
  return c.json(serialize(report), 200);
};

export const photoRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/neighbourhoods/{tenant}/feedback/{reportId}/photos/{photoId}',
  tags: ['supervision'],
  summary: '辖区小区反映的照片（只读）/ A photo of a report of a supervised neighbourhood',
  access: [...SUPERVISORS],
  request: { params: tenantParams.extend({ reportId: IdSchema, photoId: IdSchema }) },
  responses: { 200: file('image/jpeg', 'JPEG, PNG or WebP') },
});

export const photoHandler: Handler<typeof photoRoute> = async (c) => {
  const { tenant, reportId, photoId } = c.req.valid('param');
  const photo = await c.get('services').feedbackSupervision.photo(actorOf(c), tenant, reportId, photoId);
  return photoResponse(c, photoId, photo);
};

/** The period asked for, by default this year so far (Beijing dates). */
function metricsOf(c: Context<AppEnv>, query: z.infer<typeof FeedbackMetricsQuerySchema>) {
  const today = beijingDate(c.get('services').clock.now());
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  return c.get('services').feedbackSupervision.metrics(actorOf(c), period, query.region);
}

export const metricsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/feedback/metrics',
  tags: ['supervision'],
  summary:
    '码上提统计：按区、街道、社区、小区逐级汇总，按类别、承办单位类型、月份 / Metrics rolled up the tree, by category, unit kind and month',
  access: [...SUPERVISORS],
  request: { query: FeedbackMetricsQuerySchema },
  responses: { 200: json(FeedbackMetricsSchema) },
});

export const metricsHandler: Handler<typeof metricsRoute> = async (c) =>
  c.json(await metricsOf(c, c.req.valid('query')), 200);

export const metricsExportRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/feedback/metrics/export',
  tags: ['supervision'],
  summary: '码上提统计导出（CSV / XLSX）/ The metrics as a spreadsheet',
  access: [...SUPERVISORS],
  request: { query: FeedbackMetricsQuerySchema.extend(ExportQuerySchema.shape) },
  responses: {
    200: {
      description: 'CSV / XLSX',
      content: { ...file(MEDIA_TYPES.csv, '').content, ...file(MEDIA_TYPES.xlsx, '').content },
    },
  },
});

export const metricsExportHandler: Handler<typeof metricsExportRoute> = async (c) => {
  const { format, ...query } = c.req.valid('query');
  const metrics = await metricsOf(c, query);
  const bytes = await writeTable(metricsTable(metrics), format, '码上提统计');
  const { from, to } = metrics.period;
  return c.body(
    bytes,
    200,
    downloadHeaders(
      MEDIA_TYPES[format],
      `${metrics.region.name}-码上提统计-${from}至${to}.${format}`,
      `feedback-metrics-${from}-${to}.${format}`,
    ),
  );
};
