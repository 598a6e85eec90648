import { printDateTime, printDateTimeEnglish } from '@city/plugin-sdk/documents';
import type { PluginContext, PluginTodo } from '@city/plugin-sdk/server';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { PAGES } from '../pages.ts';
import { ballots, meetings, motions, rollOwners } from '../schema.ts';

type Meeting = typeof meetings.$inferSelect;

/** A moment in China Standard Time, for each language of a notification. */
const beijing = (at: Date) => ({ 'zh-CN': printDateTime(at), en: printDateTimeEnglish(at) });

const DAY_MS = 86_400_000;

/**
 * The owners who decide a meeting hear of it at each step — announced, voting open, a day before it closes (only those
 * who have not voted), the result — in their inbox and as they chose (the reminder is urgent: texted by default).
 * A neighbourhood still on a version without the scope hears nothing.
 */
export async function tellOwners(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  step: 'announced' | 'opened' | 'counted',
) {
  if (!ctx.granted('notifications:send')) return;
  // The owners any of its motions concerns: everyone's, or the union of the buildings of building-scoped ones.
  const scopes = await ctx.db.select({ scope: motions.scope }).from(motions).where(eq(motions.meetingId, meeting.id));
  const buildings = scopes.some((m) => m.scope === null) ? null : [...new Set(scopes.flatMap((m) => m.scope ?? []))];
  const to = { owners: true as const, buildings };
  const link = new URL(ctx.links.href(PAGES.meeting, { meetingId: meeting.id })).pathname;
  const opens = beijing(meeting.opensAt);
  const closes = beijing(meeting.closesAt);
  if (step === 'announced') {
    await ctx.notifications.send({
      kind: 'announced',
      key: `announced:${meeting.id}`,
      to,
      title: { 'zh-CN': `业主大会公告：${meeting.title}`, en: `Owners’ meeting announced: ${meeting.title}` },
      body: {
        'zh-CN': `投票时间 ${opens['zh-CN']} 至 ${closes['zh-CN']}。请查看议案。`,
        en: `Voting from ${opens.en} to ${closes.en}. Read the motions.`,
      },
      link,
    });
    // A day before it closes, the owners who have not voted yet (decided when it goes out).
    await ctx.notifications.send({
      kind: 'reminder',
      key: `reminder:${meeting.id}`,
      to,
      title: { 'zh-CN': `业主大会投票中，您未投票：${meeting.title}`, en: `You have not voted yet: ${meeting.title}` },
      body: { 'zh-CN': `投票将于 ${closes['zh-CN']} 截止。`, en: `Voting closes ${closes.en}.` },
      link,
      notBefore: new Date(Math.max(meeting.closesAt.getTime() - DAY_MS, meeting.opensAt.getTime())),
    });
  } else if (step === 'opened') {
    await ctx.notifications.send({
      kind: 'opened',
      key: `opened:${meeting.id}`,
      to,
      title: { 'zh-CN': `业主大会开始投票：${meeting.title}`, en: `Voting is open: ${meeting.title}` },
      body: { 'zh-CN': `请在 ${closes['zh-CN']} 前投票。`, en: `Vote before ${closes.en}.` },
      link,
    });
  } else {
    await ctx.notifications.send({
      kind: 'result',
      key: `counted:${meeting.id}`,
      to,
      title: { 'zh-CN': `业主大会表决结果：${meeting.title}`, en: `Owners’ meeting result: ${meeting.title}` },
      body: { 'zh-CN': '表决结果已公示，可查看并核验。', en: 'The result is published; read and check it.' },
      link,
    });
  }
}

/**
 * Who of these members still has a vote to cast when the reminder goes out: voting is open, and at least one counting
 * owner they vote for has no ballot yet.
 */
export async function ownersYetToVote(ctx: PluginContext<unknown>, key: string, userIds: string[]) {
  const meetingId = key.slice('reminder:'.length);
  const [meeting] = await ctx.db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId));
  if (meeting?.status !== 'open') return [];
  // The batch's owners first (read with the batch, in memory), then only their roll entries: a batch costs its own
  // size, not the roll's.
  const ownersOf = new Map<string, string[]>();
  for (const userId of userIds) ownersOf.set(userId, await ctx.registry.ownerIdsOf(userId));
  const theirs = [...new Set([...ownersOf.values()].flat())];
  if (!theirs.length) return [];
  // Joined by hash, not `&&`: an array overlap against a batch of thousands compares every pair, row by row.
  const result = await ctx.db.execute(sql`
    select distinct o.owner_id from ${rollOwners} r
    cross join lateral unnest(r.voter_owner_ids) as o(owner_id)
    join unnest(${sql.param(theirs)}::uuid[]) as t(id) on t.id = o.owner_id
    where r.meeting_id = ${meetingId}
      and not exists (select 1 from ${ballots} b where b.meeting_id = r.meeting_id and b.roll_owner_id = r.id
          and b.status in ('accepted', 'pending'))`);
  // Both drivers answer { rows }; the plugin's database type leaves the result's shape to the driver.
  const { rows } = result as unknown as { rows: { owner_id: string }[] };
  const stillToVote = new Set(rows.map((r) => r.owner_id));
  return userIds.filter((userId) => ownersOf.get(userId)!.some((id) => stillToVote.has(id)));
}

/** The member's to-do: each open meeting where a counting owner they vote for has not voted yet (去投票). */
export async function votesToCast(ctx: PluginContext<unknown>): Promise<PluginTodo[]> {
  const mine = await ctx.registry.ownerIdsOf(ctx.actor!.id);
  if (!mine.length) return [];
  const waiting = await ctx.db
    .select({ id: meetings.id, title: meetings.title, closesAt: meetings.closesAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'open'),
        gt(meetings.closesAt, ctx.now()),
        sql`exists (select 1 from ${rollOwners} r where r.meeting_id = ${meetings.id}
          and r.voter_owner_ids && ${sql.param(mine)}::uuid[]
          and not exists (select 1 from ${ballots} b where b.meeting_id = r.meeting_id and b.roll_owner_id = r.id
          and b.status in ('accepted', 'pending')))`,
      ),
    )
    .orderBy(asc(meetings.closesAt));
  return waiting.map((m) => {
    const closes = beijing(m.closesAt);
    return {
      kind: 'vote',
      title: {
        'zh-CN': `业主大会投票中，您未投票：${m.title}`,
        en: `Voting is open and you have not voted: ${m.title}`,
      },
      named: m.title,
      body: { 'zh-CN': `${closes['zh-CN']} 截止`, en: `Closes ${closes.en}` },
      link: new URL(ctx.links.href(PAGES.meeting, { meetingId: m.id })).pathname,
      action: { 'zh-CN': '去投票', en: 'Vote' },
      due: m.closesAt,
      urgent: true,
    };
  });
}
