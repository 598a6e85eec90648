import type { PluginContext } from '@city/plugin-sdk/server';
import { MATTER_TEXT, noticePeriodEnd, quorumMet, thresholdOf, type MatterType } from '@city/plugin-sdk/voting';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MeetingPhase, MeetingView } from '../contracts.ts';
import { ballots, rollOwners } from '../schema.ts';
import { canManage } from './access.ts';
import { auditMeeting } from './chain-check.ts';
import { motionsOf, type Meeting } from './meeting-rows.ts';

export type Settings = { noticeDays: number; supportThreshold: number; proxyLimit: number };

/**
 * The earliest opening the notice period allows: 00:00 Beijing time after its last day, counted from the announcement
 * (or from now, for a draft) as the Civil Code counts periods (docs/domain.md §1).
 */
export const earliestOpening = (meeting: Meeting, settings: Settings, now: Date) =>
  noticePeriodEnd(meeting.announcedAt ?? now, settings.noticeDays);

/** Where the meeting stands by the clock: an open meeting whose voting period is over awaits its count ('ended'). */
export const meetingPhase = (meeting: Pick<Meeting, 'status' | 'closesAt'>, now: Date): MeetingPhase =>
  meeting.status === 'open' && now >= meeting.closesAt ? 'ended' : meeting.status;

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

/** Results while voting runs, for a meeting that shows them live: the recount of the opened board, if it checks out. */
async function liveResults(ctx: PluginContext<unknown>, meeting: Meeting) {
  const { verification } = await auditMeeting(ctx, meeting, true);
  return verification.ok ? verification.totals : null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The meeting as members and supervisors see it: results once closed, or live when the meeting shows choices. */
export async function meetingView(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  settings: Settings,
  withLive = true,
): Promise<MeetingView> {
  const agenda = await motionsOf(ctx, meeting.id);
  const live = meeting.status === 'open' && meeting.revealLive && withLive ? await liveResults(ctx, meeting) : null;
  const manager = ctx.actor ? await canManage(ctx) : false;
  // The buildings a draft's motions may be scoped to; a scoped motion's building names.
  const registryBuildings =
    (manager && meeting.status === 'draft') || agenda.some((m) => m.scope) ? await ctx.registry.buildings() : [];
  const buildings = new Map(registryBuildings.map((b) => [b.id, b.name]));
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
    announcedRoll:
      meeting.announcedRollArea !== null && meeting.announcedRollCount !== null
        ? { area: meeting.announcedRollArea, count: meeting.announcedRollCount }
        : null,
    earliestOpening: earliestOpening(meeting, settings, ctx.now()).toISOString(),
    noticeId: meeting.noticeId,
    openedAt: iso(meeting.openedAt),
    closedAt: iso(meeting.closedAt),
    announcedRollHash: meeting.announcedRollHash,
    rollHash: meeting.rollHash,
    chainHead: meeting.chainHead,
    resultNoticeId: meeting.resultNoticeId,
    turnout: await turnout(ctx, meeting),
    canManage: manager,
    buildings: manager && meeting.status === 'draft' ? registryBuildings : [],
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
      scope: m.scope?.map((id) => ({ id, name: buildings.get(id) ?? '?' })) ?? null,
      result: (m.result as MeetingView['motions'][number]['result']) ?? live?.[m.id] ?? null,
    })),
  };
}

type MyVote = 'voted' | 'partly' | 'not_voted';

/**
 * Per meeting with a frozen roll, whether the counting owners the visitor votes for have a ballot (counted or awaiting
 * its check); meetings where the visitor votes for nobody are left out.
 */
async function myVotes(ctx: PluginContext<unknown>, meetingIds: string[]): Promise<Map<string, MyVote>> {
  const mine = ctx.actor && meetingIds.length ? await ctx.registry.ownerIdsOf(ctx.actor.id) : [];
  if (!mine.length) return new Map();
  const rows = await ctx.db
    .select({
      meetingId: rollOwners.meetingId,
      owners: sql<number>`count(distinct ${rollOwners.id})`.mapWith(Number),
      voted: sql<number>`count(distinct ${ballots.rollOwnerId})`.mapWith(Number),
    })
    .from(rollOwners)
    .leftJoin(ballots, and(eq(ballots.rollOwnerId, rollOwners.id), sql`${ballots.status} in ('accepted', 'pending')`))
    .where(
      and(inArray(rollOwners.meetingId, meetingIds), sql`${rollOwners.voterOwnerIds} && ${sql.param(mine)}::uuid[]`),
    )
    .groupBy(rollOwners.meetingId);
  return new Map(
    rows.map((r) => [r.meetingId, r.voted === 0 ? 'not_voted' : r.voted < r.owners ? 'partly' : 'voted'] as const),
  );
}

/**
 * Meetings for a list: each without its agenda, with the number of motions and, for a member of the neighbourhood
 * (not a supervisor reading it from outside), whether they have voted.
 */
export async function meetingSummaries(
  ctx: PluginContext<unknown>,
  rows: Meeting[],
  settings: Settings,
  member: boolean,
) {
  const voted = member
    ? await myVotes(
        ctx,
        rows.filter((m) => m.rollHash).map((m) => m.id),
      )
    : new Map<string, MyVote>();
  const items = [];
  for (const meeting of rows) {
    const {
      motions: agenda,
      description: _description,
      canManage: _canManage,
      buildings: _buildings,
      ...summary
    } = await meetingView(ctx, meeting, settings, false);
    items.push({ ...summary, motionCount: agenda.length, myVote: voted.get(meeting.id) ?? null });
  }
  return items;
}
