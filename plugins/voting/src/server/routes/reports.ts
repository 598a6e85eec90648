import { z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ReasonSchema, ReportSchema } from '../../contracts.ts';
import { replies, reports, topics } from '../../schema.ts';
import { fail } from '../errors.ts';
import type { Settings } from '../meetings.ts';
import { loadTopic, MODERATORS, topicParams } from '../topics.ts';

const report = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/reports',
  summary: '举报不当内容 / Report abuse',
  access: ['tenant:member'],
  request: { params: topicParams, body: jsonBody(ReasonSchema.extend({ replyId: z.uuid().nullable().default(null) })) },
  responses: { 201: { description: 'Reported' } },
});
const openReports = pluginRoute({
  method: 'get',
  path: '/reports',
  summary: '待处理的举报 / Open reports',
  access: MODERATORS,
  responses: { 200: json(z.object({ items: z.array(ReportSchema) })) },
});
const resolveReport = pluginRoute({
  method: 'post',
  path: '/reports/{reportId}/resolve',
  summary: '处理完毕 / Mark a report handled',
  access: MODERATORS,
  request: { params: z.object({ reportId: z.uuid() }) },
  responses: { 204: { description: 'Handled' } },
});

/** Abuse reports: any member reports a topic or a reply; moderators see the open ones and mark them handled. */
export const reportRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(report, async (c) => {
      const ctx = c.get('plugin');
      const topic = await loadTopic(ctx, c.req.valid('param').topicId);
      const { reason, replyId } = c.req.valid('json');
      if (replyId) {
        const [found] = await ctx.db
          .select({ id: replies.id })
          .from(replies)
          .where(and(eq(replies.id, replyId), eq(replies.topicId, topic.id)));
        if (!found) throw fail('reply_missing');
      }
      await ctx.db.insert(reports).values({
        id: newId(),
        tenantId: ctx.tenant.id,
        topicId: topic.id,
        replyId,
        reporterId: ctx.actor!.id,
        reason,
        createdAt: ctx.now(),
      });
      return c.body(null, 201);
    })
    .openapi(openReports, async (c) => {
      const ctx = c.get('plugin');
      const rows = await ctx.db
        .select({ report: reports, topicTitle: topics.title, topicBody: topics.body, replyBody: replies.body })
        .from(reports)
        .innerJoin(topics, eq(topics.id, reports.topicId))
        .leftJoin(replies, eq(replies.id, reports.replyId))
        .where(isNull(reports.resolvedAt))
        .orderBy(asc(reports.createdAt));
      const items = rows.map(({ report: r, topicTitle, topicBody, replyBody }) => ({
        id: r.id,
        topicId: r.topicId,
        topicTitle,
        replyId: r.replyId,
        excerpt: (replyBody ?? topicBody).slice(0, 140),
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
      }));
      return c.json({ items }, 200);
    })
    .openapi(resolveReport, async (c) => {
      const ctx = c.get('plugin');
      const [row] = await ctx.db
        .update(reports)
        .set({ resolvedAt: ctx.now() })
        .where(and(eq(reports.id, c.req.valid('param').reportId), isNull(reports.resolvedAt)))
        .returning({ id: reports.id });
      if (!row) throw fail('report_missing');
      return c.body(null, 204);
    });
