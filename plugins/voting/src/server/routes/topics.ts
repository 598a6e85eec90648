import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginContext, type PluginRouter } from '@city/plugin-sdk/server';
import { asc, desc, eq } from 'drizzle-orm';
import { ReasonSchema, TopicDetailSchema, TopicInputSchema, TopicListSchema, TopicSchema } from '../../contracts.ts';
import { replies, topics } from '../../schema.ts';
import { canManage, canModerate, requireVerified } from '../access.ts';
import { fail } from '../errors.ts';
import type { Settings } from '../meetings.ts';
import { loadTopic, MODERATORS, replyViews, topicParams, topicViews } from '../topics.ts';

const list = pluginRoute({
  method: 'get',
  path: '/topics',
  summary: '议事议题 / Topics',
  access: ['tenant:member'],
  responses: { 200: json(TopicListSchema) },
});
const create = pluginRoute({
  method: 'post',
  path: '/topics',
  summary: '发起议题（已认证住户）/ Raise a topic (verified residents)',
  access: ['tenant:member'],
  request: { body: jsonBody(TopicInputSchema) },
  responses: { 201: json(TopicSchema, 'Raised') },
});
const show = pluginRoute({
  method: 'get',
  path: '/topics/{topicId}',
  summary: '议题与回复 / A topic with its replies',
  access: ['tenant:member'],
  request: { params: topicParams },
  responses: { 200: json(TopicDetailSchema) },
});
const hideTopic = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/hide',
  summary: '隐藏议题（理由公开）/ Hide a topic (the reason stays visible)',
  access: MODERATORS,
  request: { params: topicParams, body: jsonBody(ReasonSchema) },
  responses: { 200: json(TopicSchema) },
});

type Ctx = PluginContext<Settings>;

/** What the visitor may do on the topic pages. */
const viewer = async (ctx: Ctx) => ({
  canRaise: Boolean(ctx.actor?.verified),
  canModerate: canModerate(ctx),
  canManage: await canManage(ctx),
  supportThreshold: ctx.settings.supportThreshold,
});

/** Topics: members read them, verified residents raise them, moderators hide one with the reason left visible. */
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
        { ...(await topicViews(ctx, [topic]))[0]!, replies: await replyViews(ctx, rows), ...(await viewer(ctx)) },
        200,
      );
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
    });
