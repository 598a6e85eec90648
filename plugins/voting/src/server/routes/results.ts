import { z, type RouteHandler } from '@hono/zod-openapi';
import { MEDIA_TYPES } from '@city/plugin-sdk/documents';
import { fileResponse as file, json, pluginRoute, type PluginEnv, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  ChainCheckSchema,
  MeetingListSchema,
  MeetingSchema,
  VerifiedReceiptSchema,
  type ChoiceInput,
} from '../../contracts.ts';
import { ballots, meetings } from '../../schema.ts';
import { meetingParams } from './params.ts';
import { sealChain } from '../ballot-sealing.ts';
import { normaliseReceipt } from '../chain.ts';
import { fail } from '../errors.ts';
import { loadMeeting, meetingSummaries, meetingView, motionsOf, type Settings } from '../meetings.ts';
import { recordedAnswer, resultPdf, resultTable, verifyChain } from '../results.ts';

const exportTable = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/results',
  summary:
    '导出表决明细（CSV / XLSX，按会议的公开范围）/ Export the ballots (CSV / XLSX, at the meeting’s disclosure level)',
  access: ['tenant:member'],
  request: { params: meetingParams, query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
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
const receipt = pluginRoute({
  method: 'get',
  path: '/receipts/{receipt}',
  summary: '按回执码核对表决票 / Check a ballot by its receipt code',
  access: ['public'],
  request: { params: z.object({ receipt: z.string().max(20) }) },
  responses: { 200: json(VerifiedReceiptSchema) },
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

/** Members: the export and the printable notice (after the count). */
export const resultRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(exportTable, async (c) => {
      const ctx = c.get('plugin');
      const { format } = c.req.valid('query');
      const { meetingId } = c.req.valid('param');
      const bytes = await resultTable(ctx, meetingId, format);
      return c.body(bytes, 200, {
        'content-type': MEDIA_TYPES[format],
        'content-disposition': `attachment; filename="results-${meetingId}.${format}"`,
      });
    })
    .openapi(memberPdf, servePdf);

/** Anyone: the receipt check, the chain check and the printable result notice (the QR codes on paper lead here). */
export const publicRoutes = (router: PluginRouter<Settings>) =>
  router
    .openapi(receipt, async (c) => {
      const ctx = c.get('plugin');
      const code = normaliseReceipt(c.req.valid('param').receipt);
      if (!code) throw fail('receipt_missing');
      const lookup = () =>
        ctx.db
          .select({ ballot: ballots, meeting: meetings })
          .from(ballots)
          .innerJoin(meetings, eq(meetings.id, ballots.meetingId))
          .where(eq(ballots.receipt, code));
      let [row] = await lookup();
      if (!row) throw fail('receipt_missing');
      // A ballot accepted a moment ago may still be waiting for the chain: seal it now if nobody else is.
      if (row.ballot.seq === null && row.ballot.status === 'accepted') {
        await sealChain(ctx, row.meeting.id, 'ifFree');
        [row] = await lookup();
      }
      const { ballot: b, meeting: m } = row!;
      const agenda = await motionsOf(ctx, m.id);
      return c.json(
        {
          meeting: { id: m.id, title: m.title, status: m.status, rollHash: m.rollHash, chainHead: m.chainHead },
          receipt: b.receipt,
          status: b.status,
          channel: b.channel,
          seq: b.seq,
          entryHash: b.entryHash,
          acceptedAt: b.acceptedAt?.toISOString() ?? null,
          choices: agenda.map((motion) => ({
            motionTitle: motion.title,
            ...recordedAnswer(motion, b.choices as unknown as ChoiceInput[]),
          })),
        },
        200,
      );
    })
    .openapi(chainRoute, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status === 'draft') throw fail('meeting_missing');
      return c.json(await verifyChain(ctx, meeting.id), 200);
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
      return c.json({ items: await meetingSummaries(ctx, rows, ctx.settings), canManage: false }, 200);
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
