import { z, type RouteHandler } from '@hono/zod-openapi';
import { MEDIA_TYPES } from '@city/plugin-sdk/documents';
import {
  fileResponse as file,
  json,
  pluginRoute,
  type PluginContext,
  type PluginEnv,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  ChainCheckSchema,
  MeetingListSchema,
  MeetingSchema,
  VerifiedReceiptSchema,
  type ChoiceInput,
} from '../../contracts.ts';
import { ballots, meetings, rollOwners } from '../../schema.ts';
import { meetingParams } from './params.ts';
import { loadBoard } from '../board.ts';
import { checkChain } from '../chain-check.ts';
import { normaliseReceipt } from '../receipts.ts';
import { fail } from '../errors.ts';
import { meetingSummaries, meetingView, type Settings } from '../meetings.ts';
import { loadMeeting, motionsOf } from '../meeting-rows.ts';
import { reconciliationTable, recordedAnswer, resultPdf, resultTable } from '../results.ts';

const exportTable = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/results',
  summary:
    '导出表决明细（CSV / XLSX，按会议的公开范围）/ Export the ballots (CSV / XLSX, at the meeting’s disclosure level)',
  access: ['tenant:member'],
  request: {
    params: meetingParams,
    query: z.object({
      format: z.enum(['csv', 'xlsx']).default('xlsx'),
      /** The ballots (after the count), or the paper reconciliation (any time after opening). */
      table: z.enum(['ballots', 'reconciliation']).default('ballots'),
    }),
  },
  responses: { 200: file(MEDIA_TYPES.xlsx) },
});
const pdfRoute = (access: readonly ['tenant:member'] | readonly ['public']) =>
  pluginRoute({
    method: 'get',
    path: '/meetings/{meetingId}/result.pdf',
    summary: '表决结果公告（打印版）/ The result notice as a printable PDF',
    access,
    request: { params: meetingParams },
    responses: { 200: file('application/pdf') },
  });
const chainRoute = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/chain',
  summary: '任何人都可重新计算表决记录链 / Anyone may recompute the ballot chain',
  access: ['public'],
  request: { params: meetingParams },
  responses: { 200: json(ChainCheckSchema) },
});
const receiptRoute = (access: readonly ['public'] | readonly ['tenant:member']) =>
  pluginRoute({
    method: 'get',
    path: '/receipts/{receipt}',
    summary:
      access[0] === 'public'
        ? '按回执码核对表决票是否计入（不显示选择）/ Check that a ballot is in the chain (without its choices)'
        : '按回执码核对表决票；本人的表决票显示选择 / Check a ballot; one’s own shows its choices',
    access,
    // As people type it (any case, with or without dashes or spaces); normalised by the handler.
    request: { params: z.object({ receipt: z.string().regex(/^[0-9A-Za-z -]{12,20}$/, { error: 'invalid_format' }) }) },
    responses: { 200: json(VerifiedReceiptSchema) },
  });
const publicReceipt = receiptRoute(['public']);
const memberReceipt = receiptRoute(['tenant:member']);
const boardRoute = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/board.json',
  summary:
    '公告板：名册承诺、全部记录链条目与结果（JSON，可离线复核）/ The bulletin board: roll commitment, every chain entry and the results (JSON, for the offline verifier)',
  access: ['public'],
  request: { params: meetingParams },
  responses: { 200: file('application/json', 'The board (city-life/meeting-board@1)') },
});
const supervisedList = pluginRoute({
  method: 'get',
  path: '/meetings',
  summary: '辖区小区的业主大会（只读）/ A supervised neighbourhood’s meetings (read-only)',
  access: ['region-staff', 'operator'],
  responses: { 200: json(MeetingListSchema) },
});
const supervisedShow = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}',
  summary: '投票率与结果（只读）/ Turnout and results (read-only)',
  access: ['region-staff', 'operator'],
  request: { params: meetingParams },
  responses: { 200: json(MeetingSchema) },
});

const memberPdf = pdfRoute(['tenant:member']);
const publicPdf = pdfRoute(['public']);

// The member and public routes are the same route at two mounts: one handler serves both.
const servePdf: RouteHandler<typeof memberPdf, PluginEnv<Settings>> = async (c) => {
  const { meetingId } = c.req.valid('param');
  const pdf = await resultPdf(c.get('plugin'), meetingId);
  return c.body(pdf, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="result-${meetingId}.pdf"`,
  });
};

/**
 * A ballot by its receipt code: where it stands in the chain (read only: a ballot accepted a moment ago may still be
 * waiting for its place), and what replaced it. Its choices only to a signed-in voter of its counting owner.
 */
async function receiptView(ctx: PluginContext<Settings>, value: string) {
  const code = normaliseReceipt(value);
  if (!code) throw fail('receipt_missing');
  const [row] = await ctx.db
    .select({ ballot: ballots, meeting: meetings, voters: rollOwners.voterOwnerIds })
    .from(ballots)
    .innerJoin(meetings, eq(meetings.id, ballots.meetingId))
    .innerJoin(rollOwners, eq(rollOwners.id, ballots.rollOwnerId))
    .where(eq(ballots.receipt, code));
  if (!row) throw fail('receipt_missing');
  const { ballot: b, meeting: m } = row;
  const [later] = await ctx.db
    .select({ seq: ballots.seq, acceptedAt: ballots.acceptedAt })
    .from(ballots)
    .where(and(eq(ballots.meetingId, m.id), eq(ballots.supersedes, b.receipt)));
  const mine = ctx.actor ? new Set(await ctx.registry.ownerIdsOf(ctx.actor.id)) : new Set<string>();
  const voter = row.voters.some((id) => mine.has(id));
  const agenda = voter ? await motionsOf(ctx, m.id) : [];
  const answered = new Set((b.choices as unknown as ChoiceInput[]).map((c) => c.motionId));
  return {
    meeting: { id: m.id, title: m.title, status: m.status, rollHash: m.rollHash, chainHead: m.chainHead },
    receipt: b.receipt,
    status: b.status,
    channel: b.channel,
    seq: b.seq,
    entryHash: b.entryHash,
    acceptedAt: b.acceptedAt?.toISOString() ?? null,
    receivedAt: b.receivedAt?.toISOString() ?? null,
    replacedBy: later ? { seq: later.seq, acceptedAt: later.acceptedAt?.toISOString() ?? null } : null,
    choices: voter
      ? agenda
          .filter((motion) => answered.has(motion.id) || b.wholeInvalid)
          .map((motion) => ({
            motionTitle: motion.title,
            ...(b.wholeInvalid
              ? { choice: 'invalid' as const, candidates: [] }
              : recordedAnswer(motion, b.choices as unknown as ChoiceInput[])),
          }))
      : null,
  };
}

/** Members: the export and the printable notice (after the count). */
export const resultRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(exportTable, async (c) => {
      const ctx = c.get('plugin');
      const { format, table } = c.req.valid('query');
      const { meetingId } = c.req.valid('param');
      const bytes =
        table === 'ballots'
          ? await resultTable(ctx, meetingId, format)
          : await reconciliationTable(ctx, meetingId, format);
      return c.body(bytes, 200, {
        'content-type': MEDIA_TYPES[format],
        'content-disposition': `attachment; filename="${table === 'ballots' ? 'results' : 'reconciliation'}-${meetingId}.${format}"`,
      });
    })
    .openapi(memberPdf, servePdf)
    .openapi(memberReceipt, async (c) => c.json(await receiptView(c.get('plugin'), c.req.valid('param').receipt), 200));

/** Anyone: the receipt check, the chain check and the printable result notice (the QR codes on paper lead here). */
export const publicRoutes = (router: PluginRouter<Settings>) =>
  router
    .openapi(publicReceipt, async (c) => c.json(await receiptView(c.get('plugin'), c.req.valid('param').receipt), 200))
    .openapi(chainRoute, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status === 'draft') throw fail('meeting_missing');
      return c.json(await checkChain(ctx, meeting), 200);
    })
    .openapi(boardRoute, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (!meeting.chainStart) throw fail(meeting.status === 'draft' ? 'meeting_missing' : 'board_missing');
      // Complete after the count; while voting runs, the choices stay behind their digests.
      const board = await loadBoard(ctx, meeting, meeting.status === 'closed');
      return c.body(JSON.stringify(board), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `inline; filename="board-${meeting.id}.json"`,
      });
    })
    .openapi(publicPdf, servePdf);

/** 街道/社区 staff: turnout and results of the neighbourhoods they supervise, read-only. */
export const supervisionRoutes = (router: PluginRouter<Settings>) =>
  router
    .openapi(supervisedList, async (c) => {
      const ctx = c.get('plugin');
      const rows = await ctx.db
        .select()
        .from(meetings)
        .where(sql`${meetings.status} <> 'draft'`)
        .orderBy(desc(meetings.opensAt))
        .limit(100);
      return c.json({ items: await meetingSummaries(ctx, rows, ctx.settings, false), canManage: false }, 200);
    })
    .openapi(supervisedShow, async (c) => {
      const ctx = c.get('plugin');
      const [meeting] = await ctx.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.id, c.req.valid('param').meetingId), sql`${meetings.status} <> 'draft'`));
      if (!meeting) throw fail('meeting_missing');
      return c.json(await meetingView(ctx, meeting, ctx.settings), 200);
    });
