import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { eq, sql } from 'drizzle-orm';
import { MotionSchema, TopicToMotionSchema } from '../../contracts.ts';
import { motions, topics } from '../../schema.ts';
import { requireManager } from '../access.ts';
import { fail } from '../errors.ts';
import { meetingView, type Settings } from '../meetings.ts';
import { loadMeeting } from '../meeting-rows.ts';
import { loadTopic, MODERATORS, topicParams } from '../topics.ts';

const toMotion = pluginRoute({
  method: 'post',
  path: '/topics/{topicId}/motion',
  summary: '议题转为议案（业委会）/ Turn a topic into a motion (committee)',
  access: MODERATORS,
  request: { params: topicParams, body: jsonBody(TopicToMotionSchema) },
  responses: { 201: json(MotionSchema, 'Motion added') },
});

/** A topic with enough support becomes a motion on a draft meeting's agenda. */
export const topicMotionRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router.openapi(toMotion, async (c) => {
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
