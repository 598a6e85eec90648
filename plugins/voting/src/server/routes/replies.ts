import { z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { and, eq, sql } from 'drizzle-orm';
import { ReasonSchema, ReplyInputSchema, ReplySchema } from '../../contracts.ts';
import { replies, topics } from '../../schema.ts';
import { requireVerified } from '../access.ts';
import { fail } from '../errors.ts';
import type { Settings } from '../meetings.ts';
import { loadTopic, MODERATORS, replyViews, topicParams } from '../topics.ts';

const replyParams = topicParams.extend({ replyId: z.uuid() });

const reply = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/replies',
  summary: '回复 / Reply',
  access: ['tenant:member'],
  request: { params: topicParams, body: jsonBody(ReplyInputSchema) },
  responses: { 201: json(ReplySchema, 'Replied') },
});
const hideReply = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/replies/{replyId}/hide',
  summary: '隐藏回复（理由公开）/ Hide a reply (the reason stays visible)',
  access: MODERATORS,
  request: { params: replyParams, body: jsonBody(ReasonSchema) },
  responses: { 200: json(ReplySchema) },
});

/** Replies under a topic: verified residents reply; moderators hide a reply, the reason shown in its place. */
export const replyRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
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
      return c.json((await replyViews(ctx, [row!]))[0]!, 201);
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
      return c.json((await replyViews(ctx, [row]))[0]!, 200);
    });
