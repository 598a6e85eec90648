import type { DataSubject, PersonalDataHooks, PluginContext } from '@city/plugin-sdk/server';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { ballots, meetings, replies, reports, rollOwners, supports, topics } from '../schema.ts';
import type { Settings } from './meetings.ts';

/** What stands where the person's own words were, once they deleted their account. */
const ERASED_TEXT = '（内容已随作者注销账号删除）';

/** The ballots of the person: cast by them online, or for a counting owner they are a voter of (paper and proxy). */
function ballotsOf(ctx: PluginContext<Settings>, subject: DataSubject) {
  const voterOf = subject.ownerIds.length
    ? inArray(
        ballots.rollOwnerId,
        ctx.db
          .select({ id: rollOwners.id })
          .from(rollOwners)
          .where(sql`${rollOwners.voterOwnerIds} && ${sql.param(subject.ownerIds)}::uuid[]`),
      )
    : undefined;
  return ctx.db
    .select({
      meetingId: meetings.id,
      meeting: meetings.title,
      receipt: ballots.receipt,
      channel: ballots.channel,
      status: ballots.status,
      choices: ballots.choices,
      castAt: ballots.createdAt,
      acceptedAt: ballots.acceptedAt,
      seq: ballots.seq,
      entryHash: ballots.entryHash,
    })
    .from(ballots)
    .innerJoin(meetings, eq(meetings.id, ballots.meetingId))
    .where(or(eq(ballots.castBy, subject.userId), voterOf))
    .orderBy(asc(ballots.createdAt));
}

/**
 * 议事与表决 and a person's data (docs/domain.md §5.5). Exported: their topics, replies, 附议, reports, and their
 * ballots with receipt codes — the code proves inclusion on the public board (§1.6). Erased: what they wrote (topics
 * not taken into a motion, replies, report reasons) and their name wherever the plugin copied it. Kept: every ballot
 * and chain entry, untouched — the chain commits to them and the owners' decision stands on them (民法典 art. 278;
 * PIPL art. 47 para. 2: storage the law requires) — and, under the pseudonym, the frozen rolls' owner names, the
 * tellers' names on the sheets they entered, and topics the committee took into a motion (the meeting's agenda).
 * Candidates' names in elections are the owners' decision and stay as they are.
 */
export const votingPersonalData: PersonalDataHooks<Settings> = {
  async export(ctx, subject) {
    const mine = eq(topics.authorId, subject.userId);
    return {
      topics: await ctx.db
        .select({
          id: topics.id,
          title: topics.title,
          body: topics.body,
          building: topics.buildingName,
          supports: topics.supportCount,
          replies: topics.replyCount,
          hiddenReason: topics.hiddenReason,
          takenIntoMotion: sql<boolean>`${topics.motionId} is not null`,
          createdAt: topics.createdAt,
        })
        .from(topics)
        .where(mine)
        .orderBy(asc(topics.createdAt)),
      replies: await ctx.db
        .select({
          id: replies.id,
          topicId: replies.topicId,
          topic: topics.title,
          body: replies.body,
          hiddenReason: replies.hiddenReason,
          createdAt: replies.createdAt,
        })
        .from(replies)
        .innerJoin(topics, eq(topics.id, replies.topicId))
        .where(eq(replies.authorId, subject.userId))
        .orderBy(asc(replies.createdAt)),
      supports: await ctx.db
        .select({ topicId: supports.topicId, topic: topics.title, createdAt: supports.createdAt })
        .from(supports)
        .innerJoin(topics, eq(topics.id, supports.topicId))
        .where(eq(supports.userId, subject.userId))
        .orderBy(asc(supports.createdAt)),
      reports: await ctx.db
        .select({ topicId: reports.topicId, replyId: reports.replyId, reason: reports.reason, at: reports.createdAt })
        .from(reports)
        .where(eq(reports.reporterId, subject.userId))
        .orderBy(asc(reports.createdAt)),
      ballots: await ballotsOf(ctx, subject),
    };
  },

  async erase(ctx, subject) {
    const { db } = ctx;
    const { userId, pseudonym, names } = subject;
    await db
      .update(topics)
      .set({ authorName: pseudonym })
      .where(and(eq(topics.authorId, userId), sql`${topics.motionId} is not null`));
    await db
      .update(topics)
      .set({ authorName: pseudonym, title: ERASED_TEXT, body: '' })
      .where(and(eq(topics.authorId, userId), isNull(topics.motionId)));
    await db.update(replies).set({ authorName: pseudonym, body: ERASED_TEXT }).where(eq(replies.authorId, userId));
    await db.update(reports).set({ reason: ERASED_TEXT }).where(eq(reports.reporterId, userId));
    if (names.length) {
      // Moderators are named, not identified, on what they hid.
      await db.update(topics).set({ hiddenByName: pseudonym }).where(inArray(topics.hiddenByName, names));
      await db.update(replies).set({ hiddenByName: pseudonym }).where(inArray(replies.hiddenByName, names));
    }
    await db.update(ballots).set({ enteredByName: pseudonym }).where(eq(ballots.enteredBy, userId));
    await db.update(ballots).set({ confirmedByName: pseudonym }).where(eq(ballots.confirmedBy, userId));
    if (!subject.ownerIds.length) return;
    // A frozen roll names each counting owner's owners, in the order of owner_ids; names are not in its commitment.
    const owned = new Set(subject.ownerIds);
    const rolls = await db
      .select({ id: rollOwners.id, ownerIds: rollOwners.ownerIds, names: rollOwners.names })
      .from(rollOwners)
      .where(sql`${rollOwners.ownerIds} && ${sql.param(subject.ownerIds)}::uuid[]`);
    for (const roll of rolls) {
      const renamed = roll.ownerIds.map((id, i) => (owned.has(id) ? pseudonym : (roll.names[i] ?? '')));
      await db.update(rollOwners).set({ names: renamed }).where(eq(rollOwners.id, roll.id));
    }
  },
};
