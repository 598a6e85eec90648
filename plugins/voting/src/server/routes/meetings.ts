import { z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginContext, type PluginRouter } from '@city/plugin-sdk/server';
import { and, desc, eq, sql } from 'drizzle-orm';
import { MeetingInputSchema, MeetingListSchema, MeetingSchema, MotionInputSchema } from '../../contracts.ts';
import { randomHex } from '../../board/index.ts';
import { meetingParams } from './params.ts';
import { ballots, candidates, meetings, motions } from '../../schema.ts';
import { canManage, requireManager } from '../access.ts';
import { sealChain } from '../ballot-sealing.ts';
import { auditMeeting } from '../chain-check.ts';
import { openVoting } from '../opening.ts';
import { differenceText, fail } from '../errors.ts';
import { earliestOpening, meetingSummaries, meetingView, turnout, type Settings } from '../meetings.ts';
import { loadMeeting, motionsOf, type Meeting } from '../meeting-rows.ts';
import { announceRoll, publishRollChanges } from '../roll-announcement.ts';
import { meetingNotice, resultNotice } from '../texts.ts';
import { tellOwners } from '../notify.ts';
import { FILES, PAGES } from '../../pages.ts';
import { reportElections } from '../election-report.ts';

const MANAGERS = ['tenant:admin', 'tenant:committee'] as const;
type Ctx = PluginContext<Settings>;

const list = pluginRoute({
  method: 'get',
  path: '/meetings',
  summary: '业主大会 / Meetings',
  access: ['tenant:member'],
  responses: { 200: json(MeetingListSchema) },
});
const create = pluginRoute({
  method: 'post',
  path: '/meetings',
  summary: '创建会议（业委会；无业委会时由管理员）/ Create a meeting (the committee, or the admin where none exists)',
  access: MANAGERS,
  request: { body: jsonBody(MeetingInputSchema) },
  responses: { 201: json(MeetingSchema, 'Created') },
});
const show = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}',
  summary: '会议、议案与投票率 / A meeting, its motions and turnout',
  access: ['tenant:member'],
  request: { params: meetingParams },
  responses: { 200: json(MeetingSchema) },
});
const update = pluginRoute({
  method: 'put',
  path: '/meetings/{meetingId}',
  summary: '修改会议（草稿）/ Change a draft meeting',
  access: MANAGERS,
  request: { params: meetingParams, body: jsonBody(MeetingInputSchema) },
  responses: { 200: json(MeetingSchema) },
});
const addMotion = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/motions',
  summary: '添加议案或选举（草稿）/ Add a motion or an election (draft)',
  access: MANAGERS,
  request: { params: meetingParams, body: jsonBody(MotionInputSchema) },
  responses: { 201: json(MeetingSchema, 'Added') },
});
const removeMotion = pluginRoute({
  method: 'delete',
  path: '/meetings/{meetingId}/motions/{motionId}',
  summary: '删除议案（草稿）/ Remove a motion (draft)',
  access: MANAGERS,
  request: { params: meetingParams.extend({ motionId: z.uuid() }) },
  responses: { 200: json(MeetingSchema) },
});
const announce = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/announce',
  summary: '发布会议公告（公示）/ Announce the meeting on the 公示 board',
  access: MANAGERS,
  request: { params: meetingParams },
  responses: { 200: json(MeetingSchema) },
});
const open = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/open',
  summary: '开始投票（冻结业主名册）/ Open voting (freezes the owner roll)',
  access: MANAGERS,
  request: { params: meetingParams },
  errors: [409],
  responses: { 200: json(MeetingSchema), 422: { description: 'The roll is incomplete' } },
});
const close = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/close',
  summary: '结束投票、计票并公示结果 / Close, count and publish the results',
  access: MANAGERS,
  request: { params: meetingParams },
  responses: { 200: json(MeetingSchema) },
});

function requireDraft(meeting: Meeting) {
  if (meeting.status !== 'draft') throw fail('not_draft');
}

/** A meeting the caller runs: another neighbourhood's (or a missing) meeting is 404 before any role check. */
async function managed(ctx: Ctx, meetingId: string) {
  const meeting = await loadMeeting(ctx, meetingId, true);
  await requireManager(ctx);
  return meeting;
}

const view = (ctx: Ctx, meeting: Meeting) => meetingView(ctx, meeting, ctx.settings);

/** Meetings: drafted by the committee, announced on the 公示 board, opened on a frozen roll, closed and counted. */
export const meetingRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const manager = await canManage(ctx);
      const rows = await ctx.db
        .select()
        .from(meetings)
        .where(manager ? undefined : sql`${meetings.status} <> 'draft'`)
        .orderBy(desc(meetings.opensAt))
        .limit(100);
      return c.json({ items: await meetingSummaries(ctx, rows, ctx.settings, true), canManage: manager }, 200);
    })
    .openapi(create, async (c) => {
      const ctx = c.get('plugin');
      await requireManager(ctx);
      const input = c.req.valid('json');
      const [row] = await ctx.db
        .insert(meetings)
        .values({
          id: newId(),
          tenantId: ctx.tenant.id,
          ...input,
          opensAt: new Date(input.opensAt),
          closesAt: new Date(input.closesAt),
          status: 'draft',
          createdBy: ctx.actor!.id,
          createdAt: ctx.now(),
        })
        .returning();
      await ctx.audit.append({
        action: 'meeting_created',
        targetType: 'voting_meeting',
        targetId: row!.id,
        details: { title: row!.title },
      });
      return c.json(await view(ctx, row!), 201);
    })
    .openapi(show, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status === 'draft' && !(await canManage(ctx))) throw fail('meeting_missing');
      return c.json(await view(ctx, meeting), 200);
    })
    .openapi(update, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await managed(ctx, c.req.valid('param').meetingId);
      requireDraft(meeting);
      const input = c.req.valid('json');
      const [row] = await ctx.db
        .update(meetings)
        .set({ ...input, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) })
        .where(eq(meetings.id, meeting.id))
        .returning();
      return c.json(await view(ctx, row!), 200);
    })
    .openapi(addMotion, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await managed(ctx, c.req.valid('param').meetingId);
      requireDraft(meeting);
      const { candidates: people, ...input } = c.req.valid('json');
      if (input.scope) {
        const known = new Set((await ctx.registry.buildings()).map((b) => b.id));
        if (input.scope.some((id) => !known.has(id))) throw fail('scope_invalid');
      }
      const [last] = await ctx.db
        .select({ position: sql<number>`coalesce(max(${motions.position}), 0)`.mapWith(Number) })
        .from(motions)
        .where(eq(motions.meetingId, meeting.id));
      const motionId = newId();
      await ctx.db.insert(motions).values({
        id: motionId,
        tenantId: ctx.tenant.id,
        meetingId: meeting.id,
        position: (last?.position ?? 0) + 1,
        ...input,
      });
      if (people.length) {
        await ctx.db
          .insert(candidates)
          .values(people.map((p, i) => ({ id: newId(), tenantId: ctx.tenant.id, motionId, position: i + 1, ...p })));
      }
      return c.json(await view(ctx, meeting), 201);
    })
    .openapi(removeMotion, async (c) => {
      const ctx = c.get('plugin');
      const { meetingId, motionId } = c.req.valid('param');
      const meeting = await managed(ctx, meetingId);
      requireDraft(meeting);
      // Only a motion of this meeting: another meeting's candidates are never touched.
      const [motion] = await ctx.db
        .select({ id: motions.id })
        .from(motions)
        .where(and(eq(motions.id, motionId), eq(motions.meetingId, meeting.id)));
      if (!motion) throw fail('motion_missing');
      await ctx.db.delete(candidates).where(eq(candidates.motionId, motion.id));
      await ctx.db.delete(motions).where(eq(motions.id, motion.id));
      return c.json(await view(ctx, meeting), 200);
    })
    .openapi(announce, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await managed(ctx, c.req.valid('param').meetingId);
      requireDraft(meeting);
      if (!(await motionsOf(ctx, meeting.id)).length) throw fail('no_motions');
      const now = ctx.now();
      // The notice period runs from the announcement (its day not counted): voting opens after its last day.
      if (meeting.opensAt < earliestOpening({ ...meeting, announcedAt: now }, ctx.settings, now))
        throw fail('notice_period');
      // The roll as it would freeze now: its totals are published with the notice (and the units kept for opening).
      const salt = randomHex();
      const { commitment, ...roll } = await announceRoll(ctx, meeting.id, salt, now);
      const draft = { ...(await view(ctx, meeting)), announcedRoll: roll, announcedRollHash: commitment };
      const notice = await ctx.notices.publish({
        category: 'disclosure',
        title: `关于召开业主大会的公告：${meeting.title}`.slice(0, 120),
        body: meetingNotice(draft, ctx.links.href(PAGES.meeting, { meetingId: meeting.id })),
        // The notice's own way in: a real link, shown under it, to the motions and the ballot.
        attachments: [{ name: '查看议案，去投票', url: ctx.links.href(PAGES.meeting, { meetingId: meeting.id }) }],
        audience: 'public',
        buildingId: null,
        pinned: true,
        publishAt: null,
        expiresAt: meeting.closesAt.toISOString(),
      });
      const [row] = await ctx.db
        .update(meetings)
        .set({
          status: 'announced',
          announcedAt: now,
          noticeId: notice.id,
          rollSalt: salt,
          announcedRollArea: roll.area,
          announcedRollCount: roll.count,
          announcedRollHash: commitment,
        })
        .where(eq(meetings.id, meeting.id))
        .returning();
      await tellOwners(ctx, row!, 'announced');
      await ctx.audit.append({
        action: 'meeting_announced',
        targetType: 'voting_meeting',
        targetId: meeting.id,
        details: { noticeId: notice.id, opensAt: meeting.opensAt.toISOString(), roll: { ...roll, commitment } },
      });
      return c.json(await view(ctx, row!), 200);
    })
    .openapi(open, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await managed(ctx, c.req.valid('param').meetingId);
      if (meeting.status !== 'announced') throw fail(meeting.status === 'draft' ? 'not_announced' : 'not_draft');
      const now = ctx.now();
      if (now < meeting.opensAt) throw fail('too_early');
      if (now >= meeting.closesAt) throw fail('voting_ended');
      const row = await openVoting(ctx, meeting, now);
      await ctx.audit.append({
        action: 'voting_opened',
        targetType: 'voting_meeting',
        targetId: meeting.id,
        details: {
          rollHash: row.rollHash,
          chainStart: row.chainStart,
          area: row.rollArea,
          count: row.rollCount,
        },
      });
      await publishRollChanges(ctx, row);
      await tellOwners(ctx, row, 'opened');
      return c.json(await view(ctx, row), 200);
    })
    .openapi(close, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await managed(ctx, c.req.valid('param').meetingId);
      if (meeting.status !== 'open') throw fail('not_open');
      if (ctx.now() < meeting.closesAt) throw fail('too_early_to_close');
      const pending = await turnout(ctx, meeting);
      if (pending?.pendingPaper) throw fail('pending_ballots');
      // Holding the meeting FOR UPDATE: no ballot can land any more; every decided one goes into the chain first.
      await sealChain(ctx, meeting.id, 'wait');
      // The count is the verifier's recount of the opened board: what anyone can redo from it, or nothing.
      const { verification } = await auditMeeting(ctx, await loadMeeting(ctx, meeting.id), true);
      if (!verification.ok) throw fail('chain_broken', differenceText(verification.difference));
      for (const [motionId, result] of Object.entries(verification.totals!))
        await ctx.db.update(motions).set({ result }).where(eq(motions.id, motionId));
      const closedAt = ctx.now();
      const [closed] = await ctx.db
        .update(meetings)
        .set({ status: 'closed', closedAt })
        .where(eq(meetings.id, meeting.id))
        .returning();
      const counted = await view(ctx, closed!);
      const notice = await ctx.notices.publish({
        category: 'result',
        title: `业主大会表决结果公告：${meeting.title}`.slice(0, 120),
        body: resultNotice(counted, ctx.links.publicHref(PAGES.verify)),
        attachments: [
          {
            name: '表决结果公告（打印版 PDF）',
            url: ctx.links.publicFileHref(FILES.resultPdf, { meetingId: meeting.id }),
          },
        ],
        audience: 'public',
        buildingId: null,
        pinned: true,
        publishAt: null,
        expiresAt: null,
      });
      const [row] = await ctx.db
        .update(meetings)
        .set({ resultNoticeId: notice.id })
        .where(eq(meetings.id, meeting.id))
        .returning();
      await reportElections(ctx, row!, notice.id, closedAt);
      const ballotCount =
        (
          await ctx.db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(ballots)
            .where(and(eq(ballots.meetingId, meeting.id), eq(ballots.status, 'accepted')))
        )[0]?.n ?? 0;
      await tellOwners(ctx, row!, 'counted');
      await ctx.audit.append({
        action: 'voting_closed',
        targetType: 'voting_meeting',
        targetId: meeting.id,
        details: { chainHead: row!.chainHead, ballots: ballotCount, noticeId: notice.id },
      });
      return c.json(await view(ctx, row!), 200);
    });
