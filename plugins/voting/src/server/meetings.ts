import type { PluginContext } from '@city/plugin-sdk/server';
import {
  MATTER_TEXT,
  noticePeriodEnd,
  quorumMet,
  tallyElection,
  tallyMotion,
  thresholdOf,
  type MatterType,
} from '@city/plugin-sdk/voting';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ChoiceInput, MeetingPhase, MeetingView } from '../contracts.ts';
import { ballots, candidates, meetings, motions, rollOwners } from '../schema.ts';
import { canManage } from './access.ts';
import { fail } from './errors.ts';

export type Meeting = typeof meetings.$inferSelect;
export type Motion = typeof motions.$inferSelect & {
  candidates: Array<{ id: string; name: string; statement: string }>;
};
export type Settings = { noticeDays: number; supportThreshold: number };

export async function loadMeeting(ctx: PluginContext<unknown>, id: string, lock = false): Promise<Meeting> {
  const query = ctx.db.select().from(meetings).where(eq(meetings.id, id));
  const [meeting] = lock ? await query.for('update') : await query;
  if (!meeting) throw fail('meeting_missing');
  return meeting;
}

export async function motionsOf(ctx: PluginContext<unknown>, meetingId: string): Promise<Motion[]> {
  const rows = await ctx.db
    .select()
    .from(motions)
    .where(eq(motions.meetingId, meetingId))
    .orderBy(asc(motions.position));
  const people = rows.length
    ? await ctx.db
        .select({
          id: candidates.id,
          motionId: candidates.motionId,
          name: candidates.name,
          statement: candidates.statement,
        })
        .from(candidates)
        .where(
          inArray(
            candidates.motionId,
            rows.map((m) => m.id),
          ),
        )
        .orderBy(asc(candidates.position))
    : [];
  const byMotion = Map.groupBy(people, (c) => c.motionId);
  return rows.map((m) => ({
    ...m,
    candidates: (byMotion.get(m.id) ?? []).map(({ id, name, statement }) => ({ id, name, statement })),
  }));
}

/**
 * The earliest opening the notice period allows: 00:00 Beijing time after its last day, counted from the announcement
 * (or from now, for a draft) as the Civil Code counts periods (docs/domain.md §1).
 */
export const earliestOpening = (meeting: Meeting, settings: Settings, now: Date) =>
  noticePeriodEnd(meeting.announcedAt ?? now, settings.noticeDays);

/** Where the meeting stands by the clock: an open meeting whose voting period is over awaits its count ('ended'). */
export const meetingPhase = (meeting: Pick<Meeting, 'status' | 'closesAt'>, now: Date): MeetingPhase =>
  meeting.status === 'open' && now >= meeting.closesAt ? 'ended' : meeting.status;

/** Counted ballots: accepted and not replaced by a later one, each with its counting owner's area. */
export async function countedBallots(ctx: PluginContext<unknown>, meetingId: string) {
  const rows = await ctx.db
    .select({ choices: ballots.choices, area: rollOwners.area })
    .from(ballots)
    .innerJoin(rollOwners, eq(rollOwners.id, ballots.rollOwnerId))
    .where(and(eq(ballots.meetingId, meetingId), eq(ballots.status, 'accepted')));
  return rows.map((r) => ({ area: r.area, choices: r.choices as unknown as ChoiceInput[] }));
}

/** Live turnout against the quorum: participants are counting owners with a counted ballot. */
export async function turnout(ctx: PluginContext<unknown>, meeting: Meeting) {
  if (meeting.rollArea === null || meeting.rollCount === null) return null;
  const [row] = await ctx.db
    .select({
      area: sql<string>`coalesce(sum(${rollOwners.area}) filter (where ${ballots.status} = 'accepted'), 0)`,
      count: sql<number>`count(*) filter (where ${ballots.status} = 'accepted')`.mapWith(Number),
      pending: sql<number>`count(*) filter (where ${ballots.status} = 'pending')`.mapWith(Number),
    })
    .from(ballots)
    .innerJoin(rollOwners, eq(rollOwners.id, ballots.rollOwnerId))
    .where(eq(ballots.meetingId, meeting.id));
  const total = { area: meeting.rollArea, count: meeting.rollCount };
  const participants = { area: Number(row?.area ?? 0), count: row?.count ?? 0 };
  return { total, participants, quorumMet: quorumMet(participants, total), pendingPaper: row?.pending ?? 0 };
}

/** Every motion's result from the counted ballots (docs/domain.md §1–2), by the pure tally functions. */
export function tally(meeting: Meeting, agenda: Motion[], counted: Awaited<ReturnType<typeof countedBallots>>) {
  const total = { area: meeting.rollArea ?? 0, count: meeting.rollCount ?? 0 };
  const results = new Map<string, ReturnType<typeof tallyMotion> | ReturnType<typeof tallyElection>>();
  for (const motion of agenda) {
    const answers = counted.flatMap((b) => {
      const answer = b.choices.find((c) => c.motionId === motion.id);
      return answer ? [{ area: b.area, answer }] : [];
    });
    if (motion.kind === 'election') {
      results.set(
        motion.id,
        tallyElection({
          seats: motion.seats ?? 0,
          candidateIds: motion.candidates.map((c) => c.id),
          total,
          ballots: answers.map(({ area, answer }) =>
            'choice' in answer ? { area, invalid: true, choices: [] } : { area, choices: answer.candidateIds },
          ),
        }),
      );
    } else {
      results.set(
        motion.id,
        tallyMotion({
          threshold: thresholdOf(motion.matterType as MatterType),
          total,
          ballots: answers.map(({ area, answer }) => ({
            area,
            choice: 'choice' in answer ? answer.choice : 'invalid',
          })),
        }),
      );
    }
  }
  return results;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The meeting as members and supervisors see it: results once closed, or live when the meeting shows choices. */
export async function meetingView(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  settings: Settings,
): Promise<MeetingView> {
  const agenda = await motionsOf(ctx, meeting.id);
  const live =
    meeting.status === 'open' && meeting.revealLive
      ? tally(meeting, agenda, await countedBallots(ctx, meeting.id))
      : null;
  return {
    id: meeting.id,
    title: meeting.title,
    description: meeting.description,
    status: meeting.status,
    phase: meetingPhase(meeting, ctx.now()),
    opensAt: meeting.opensAt.toISOString(),
    closesAt: meeting.closesAt.toISOString(),
    allowChange: meeting.allowChange,
    revealLive: meeting.revealLive,
    disclosure: meeting.disclosure,
    announcedAt: iso(meeting.announcedAt),
    earliestOpening: earliestOpening(meeting, settings, ctx.now()).toISOString(),
    noticeId: meeting.noticeId,
    openedAt: iso(meeting.openedAt),
    closedAt: iso(meeting.closedAt),
    rollHash: meeting.rollHash,
    chainHead: meeting.chainHead,
    resultNoticeId: meeting.resultNoticeId,
    turnout: await turnout(ctx, meeting),
    canManage: ctx.actor ? await canManage(ctx) : false,
    motions: agenda.map((m) => ({
      id: m.id,
      position: m.position,
      kind: m.kind,
      matterType: m.matterType as MatterType,
      matterItem: MATTER_TEXT[m.matterType as MatterType].item,
      threshold: thresholdOf(m.matterType as MatterType),
      title: m.title,
      description: m.description,
      seats: m.seats,
      byElection: m.byElection,
      candidates: m.candidates,
      topicId: m.topicId,
      result: (m.result as MeetingView['motions'][number]['result']) ?? live?.get(m.id) ?? null,
    })),
  };
}

/** Meetings for a list: each without its agenda, with the number of motions. */
export async function meetingSummaries(ctx: PluginContext<unknown>, rows: Meeting[], settings: Settings) {
  const items = [];
  for (const meeting of rows) {
    const {
      motions: agenda,
      description: _description,
      canManage: _canManage,
      ...summary
    } = await meetingView(ctx, meeting, settings);
    items.push({ ...summary, motionCount: agenda.length });
  }
  return items;
}
