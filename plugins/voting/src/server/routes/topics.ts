import { z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import {
  isUniqueViolation,
  jsonBody,
  jsonResponse,
  pluginRoute,
  type PluginContext,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  MotionSchema,
  ReasonSchema,
  ReplyInputSchema,
  ReplySchema,
  ReportSchema,
  TopicDetailSchema,
  TopicInputSchema,
  TopicListSchema,
  TopicSchema,
  TopicToMotionSchema,
} from '../../contracts.ts';
import { motions, replies, reports, supports, topics } from '../../schema.ts';
import { canManage, canModerate, requireManager, requireVerified } from '../access.ts';
import { fail } from '../errors.ts';
import { loadMeeting, meetingView, type Settings } from '../meetings.ts';

const topicParams = z.object({ topicId: z.uuid() });
const replyParams = topicParams.extend({ replyId: z.uuid() });
const MODERATORS = ['admin', 'committee'] as const;

const list = pluginRoute({
  method: 'get',
  path: '/topics',
  summary: '议事议题 / Topics',
  access: ['member'],
  responses: { 200: jsonResponse(TopicListSchema) },
});
const create = pluginRoute({
  method: 'post',
  path: '/topics',
  summary: '发起议题（已认证住户）/ Raise a topic (verified residents)',
  access: ['member'],
  request: { body: jsonBody(TopicInputSchema) },
  responses: { 201: jsonResponse(TopicSchema, 'Raised') },
});
const show = pluginRoute({
  method: 'get',
  path: '/topics/{topicId}',
  summary: '议题与回复 / A topic with its replies',
  access: ['member'],
  request: { params: topicParams },
  responses: { 200: jsonResponse(TopicDetailSchema) },
});
const reply = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/replies',
  summary: '回复 / Reply',
  access: ['member'],
  request: { params: topicParams, body: jsonBody(ReplyInputSchema) },
  responses: { 201: jsonResponse(ReplySchema, 'Replied') },
});
const support = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/support',
  summary: '附议 / Support',
  access: ['member'],
  request: { params: topicParams },
  responses: { 200: jsonResponse(TopicSchema) },
});
const hideTopic = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/hide',
  summary: '隐藏议题（理由公开）/ Hide a topic (the reason stays visible)',
  access: MODERATORS,
  request: { params: topicParams, body: jsonBody(ReasonSchema) },
  responses: { 200: jsonResponse(TopicSchema) },
});
const hideReply = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/replies/{replyId}/hide',
  summary: '隐藏回复（理由公开）/ Hide a reply (the reason stays visible)',
  access: MODERATORS,
  request: { params: replyParams, body: jsonBody(ReasonSchema) },
  responses: { 200: jsonResponse(ReplySchema) },
});
const report = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/reports',
  summary: '举报不当内容 / Report abuse',
  access: ['member'],
  request: { params: topicParams, body: jsonBody(ReasonSchema.extend({ replyId: z.uuid().nullable().default(null) })) },
  responses: { 201: { description: 'Reported' } },
});
const openReports = pluginRoute({
  method: 'get',
  path: '/reports',
  summary: '待处理的举报 / Open reports',
  access: MODERATORS,
  responses: { 200: jsonResponse(z.object({ items: z.array(ReportSchema) })) },
});
const resolveReport = pluginRoute({
  method: 'post',
  path: '/reports/{reportId}/resolve',
  summary: '处理完毕 / Mark a report handled',
  access: MODERATORS,
  request: { params: z.object({ reportId: z.uuid() }) },
  responses: { 204: { description: 'Handled' } },
});
const toMotion = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/motion',
  summary: '议题转为议案（业委会）/ Turn a topic into a motion (committee)',
  access: MODERATORS,
  request: { params: topicParams, body: jsonBody(TopicToMotionSchema) },
  responses: { 201: jsonResponse(MotionSchema, 'Motion added') },
});

type Row = typeof topics.$inferSelect;
type Ctx = PluginContext<Settings>;

async function topicViews(ctx: Ctx, rows: Row[]) {
  const ids = rows.map((t) => t.id);
  const mine =
    ids.length && ctx.actor
      ? new Set(
          (
            await ctx.db
              .select({ id: supports.topicId })
              .from(supports)
              .where(and(inArray(supports.topicId, ids), eq(supports.userId, ctx.actor.id)))
          ).map((r) => r.id),
        )
      : new Set<string>();
  const motionIds = rows.flatMap((t) => (t.motionId ? [t.motionId] : []));
  const linked = motionIds.length
    ? new Map(
        (
          await ctx.db
            .select({ id: motions.id, meetingId: motions.meetingId, title: motions.title })
            .from(motions)
            .where(inArray(motions.id, motionIds))
        ).map((m) => [m.id, m]),
      )
    : new Map<string, { id: string; meetingId: string; title: string }>();
  return rows.map((t) => ({
    id: t.id,
    title: t.hiddenAt ? '' : t.title,
    body: t.hiddenAt ? '' : t.body,
    buildingId: t.buildingId,
    buildingName: t.buildingName,
    authorName: t.authorName,
    supportCount: t.supportCount,
    replyCount: t.replyCount,
    supportedByMe: mine.has(t.id),
    eligible: !t.hiddenAt && !t.motionId && t.supportCount >= ctx.settings.supportThreshold,
    motion: t.motionId ? (linked.get(t.motionId) ?? null) : null,
    hiddenReason: t.hiddenReason,
    hiddenByName: t.hiddenByName,
    createdAt: t.createdAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
  }));
}

/** What the visitor may do on the topic pages. */
const viewer = async (ctx: Ctx) => ({
  canRaise: Boolean(ctx.actor?.verified),
  canModerate: canModerate(ctx),
  canManage: await canManage(ctx),
  supportThreshold: ctx.settings.supportThreshold,
});

async function loadTopic(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(topics).where(eq(topics.id, id));
  if (!row) throw fail('topic_missing');
  return row;
}

const replyView = (r: typeof replies.$inferSelect) => ({
  id: r.id,
  authorName: r.authorName,
  body: r.hiddenAt ? '' : r.body,
  hiddenReason: r.hiddenReason,
  hiddenByName: r.hiddenByName,
  createdAt: r.createdAt.toISOString(),
});

/** 议事: verified residents raise, reply and support; the committee and admin moderate in the open and make motions. */
export const topicRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const rows = await ctx.db.select().from(topics).orderBy(desc(topics.lastActivityAt)).limit(200);
      const buildings = ctx.actor?.verified ? await ctx.registry.buildings() : [];
      return c.json({ items: await topicViews(ctx, rows), buildings, ...(await viewer(ctx)) }, 200);
    })
    .openapi(create, async (c) => {
      const ctx = c.get('plugin');
      const actor = requireVerified(ctx);
      const input = c.req.valid('json');
      let buildingName: string | null = null;
      if (input.buildingId) {
        const building = (await ctx.registry.buildings()).find((b) => b.id === input.buildingId);
        if (!building) throw fail('building_missing');
        buildingName = building.name;
      }
      const now = ctx.now();
      const [row] = await ctx.db
        .insert(topics)
        .values({
          id: newId(),
          tenantId: ctx.tenant.id,
          ...input,
          buildingName,
          authorId: actor.id,
          authorName: actor.displayName,
          createdAt: now,
          lastActivityAt: now,
        })
        .returning();
      return c.json((await topicViews(ctx, [row!]))[0]!, 201);
    })
    .openapi(show, async (c) => {
      const ctx = c.get('plugin');
      const topic = await loadTopic(ctx, c.req.valid('param').topicId);
      const rows = await ctx.db
        .select()
        .from(replies)
        .where(eq(replies.topicId, topic.id))
        .orderBy(asc(replies.createdAt));
      return c.json(
        { ...(await topicViews(ctx, [topic]))[0]!, replies: rows.map(replyView), ...(await viewer(ctx)) },
        200,
      );
    })
    .openapi(reply, async (c) => {
      const ctx = c.get('plugin');
      const topic = await loadTopic(ctx, c.req.valid('param').topicId);
      const actor = requireVerified(ctx);
      if (topic.hiddenAt) throw fail('topic_hidden');
      const now = ctx.now();
      const [row] = await ctx.db
        .insert(replies)
        .values({
          id: newId(),
          tenantId: ctx.tenant.id,
          topicId: topic.id,
          authorId: actor.id,
          authorName: actor.displayName,
          body: c.req.valid('json').body,
          createdAt: now,
        })
        .returning();
      await ctx.db
        .update(topics)
        .set({ replyCount: sql`${topics.replyCount} + 1`, lastActivityAt: now })
        .where(eq(topics.id, topic.id));
      return c.json(replyView(row!), 201);
    })
    .openapi(support, async (c) => {
      const ctx = c.get('plugin');
      const topic = await loadTopic(ctx, c.req.valid('param').topicId);
      const actor = requireVerified(ctx);
      if (topic.hiddenAt) throw fail('topic_hidden');
      try {
        await ctx.db.transaction(async () => {
          await ctx.db
            .insert(supports)
            .values({ tenantId: ctx.tenant.id, topicId: topic.id, userId: actor.id, createdAt: ctx.now() });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw fail('already_supported');
        throw error;
      }
      const [row] = await ctx.db
        .update(topics)
        .set({ supportCount: sql`${topics.supportCount} + 1` })
        .where(eq(topics.id, topic.id))
        .returning();
      return c.json((await topicViews(ctx, [row!]))[0]!, 200);
    })
    .openapi(hideTopic, async (c) => {
      const ctx = c.get('plugin');
      const { reason } = c.req.valid('json');
      const [row] = await ctx.db
        .update(topics)
        .set({ hiddenReason: reason, hiddenByName: ctx.actor!.displayName, hiddenAt: ctx.now() })
        .where(eq(topics.id, c.req.valid('param').topicId))
        .returning();
      if (!row) throw fail('topic_missing');
      await ctx.audit.append({
        action: 'topic_hidden',
        targetType: 'voting_topic',
        targetId: row.id,
        details: { title: row.title, reason },
      });
      return c.json((await topicViews(ctx, [row]))[0]!, 200);
    })
    .openapi(hideReply, async (c) => {
      const ctx = c.get('plugin');
      const { topicId, replyId } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const [row] = await ctx.db
        .update(replies)
        .set({ hiddenReason: reason, hiddenByName: ctx.actor!.displayName, hiddenAt: ctx.now() })
        .where(and(eq(replies.id, replyId), eq(replies.topicId, topicId)))
        .returning();
      if (!row) throw fail('reply_missing');
      await ctx.audit.append({
        action: 'reply_hidden',
        targetType: 'voting_reply',
        targetId: row.id,
        details: { topicId, reason },
      });
      return c.json(replyView(row), 200);
    })
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
    })
    .openapi(toMotion, async (c) => {
      const ctx = c.get('plugin');
      const topic = await loadTopic(ctx, c.req.valid('param').topicId);
      const input = c.req.valid('json');
      const meeting = await loadMeeting(ctx, input.meetingId, true);
      await requireManager(ctx);
      if (topic.hiddenAt) throw fail('topic_hidden');
      if (topic.motionId) throw fail('already_motion');
      if (topic.supportCount < ctx.settings.supportThreshold) throw fail('not_enough_support');
      if (meeting.status !== 'draft') throw fail('not_draft');
      const [last] = await ctx.db
        .select({ position: sql<number>`coalesce(max(${motions.position}), 0)`.mapWith(Number) })
        .from(motions)
        .where(eq(motions.meetingId, meeting.id));
      const id = newId();
      await ctx.db.insert(motions).values({
        id,
        tenantId: ctx.tenant.id,
        meetingId: meeting.id,
        position: (last?.position ?? 0) + 1,
        kind: 'motion',
        matterType: input.matterType,
        title: input.title ?? topic.title,
        description: topic.body,
        topicId: topic.id,
      });
      await ctx.db.update(topics).set({ motionId: id, lastActivityAt: ctx.now() }).where(eq(topics.id, topic.id));
      await ctx.audit.append({
        action: 'topic_to_motion',
        targetType: 'voting_topic',
        targetId: topic.id,
        details: { meetingId: meeting.id, motionId: id },
      });
      const view = await meetingView(ctx, meeting, ctx.settings);
      return c.json(
        view.motions.find((m) => m.id === id)!,
        201,
      );
    });
