import type { Schema } from 'hono';
import { isUniqueViolation, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { eq, sql } from 'drizzle-orm';
import { TopicSchema } from '../../contracts.ts';
import { supports, topics } from '../../schema.ts';
import { requireVerified } from '../access.ts';
import { fail } from '../errors.ts';
import type { Settings } from '../meetings.ts';
import { loadTopic, topicParams, topicViews } from '../topics.ts';

const support = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/support',
  summary: '附议 / Support',
  access: ['tenant:member'],
  request: { params: topicParams },
  responses: { 200: json(TopicSchema) },
});

/** 附议: a verified resident supports a topic once; enough support lets the committee make it a motion. */
export const supportRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router.openapi(support, async (c) => {
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
  });
