import { z } from '@hono/zod-openapi';
import type { PluginContext, ProfileBadge } from '@city/plugin-sdk/server';
import { and, eq, inArray } from 'drizzle-orm';
import { motions, type replies, supports, topics } from '../schema.ts';
import { fail } from './errors.ts';
import type { Settings } from './meetings.ts';

/*
 * 议事: verified residents raise, reply and support; the committee and admin moderate in the open and make motions.
 * Its route groups (topics, replies, supports, reports, topic → motion) share what is below.
 */

export const topicParams = z.object({ topicId: z.uuid() });
export const MODERATORS = ['tenant:admin', 'tenant:committee'] as const;

type Row = typeof topics.$inferSelect;
type Ctx = PluginContext<Settings>;

export async function topicViews(ctx: Ctx, rows: Row[]) {
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
  const badges = await ctx.profiles.badges(rows.map((t) => t.authorId));
  return rows.map((t) => ({
    id: t.id,
    title: t.hiddenAt ? '' : t.title,
    body: t.hiddenAt ? '' : t.body,
    buildingId: t.buildingId,
    buildingName: t.buildingName,
    authorName: t.authorName,
    authorBadges: badges[t.authorId] ?? [],
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

export async function loadTopic(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(topics).where(eq(topics.id, id));
  if (!row) throw fail('topic_missing');
  return row;
}

/** Replies as members read them, each author with the badges they chose to show. */
export async function replyViews(ctx: Ctx, rows: Array<typeof replies.$inferSelect>) {
  const badges = await ctx.profiles.badges(rows.map((r) => r.authorId));
  return rows.map((r) => replyView(r, badges[r.authorId] ?? []));
}

const replyView = (r: typeof replies.$inferSelect, authorBadges: ProfileBadge[]) => ({
  id: r.id,
  authorName: r.authorName,
  authorBadges,
  body: r.hiddenAt ? '' : r.body,
  hiddenReason: r.hiddenReason,
  hiddenByName: r.hiddenByName,
  createdAt: r.createdAt.toISOString(),
});
