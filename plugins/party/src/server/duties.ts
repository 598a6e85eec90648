import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { DutyInputSchema, DutyListSchema, NeedInputSchema, NeedSchema, YearQuerySchema } from '../contracts.ts';
import { duties, members, needs } from '../schema.ts';
import { DEFAULT_DUTIES } from '../values.ts';
import { BRANCH, runsBranch, type Ctx, type Settings } from './access.ts';
import { myMembership } from './commitments.ts';
import { fail } from './errors.ts';
import { yearOf } from './ledger.ts';
import { addPhoto, photoBody, photoIdsOf } from './photos.ts';

const dutyParams = z.object({ dutyId: z.uuid({ error: 'invalid_format' }) });
const listResponse = { 200: json(DutyListSchema) };

const list = pluginRoute({
  method: 'get',
  path: '/branch/duties',
  access: BRANCH,
  summary: '职责清单 / The branch’s duty list of a year, with the needs members collected',
  request: { query: YearQuerySchema },
  responses: listResponse,
});
const start = pluginRoute({
  method: 'post',
  path: '/branch/duties/defaults',
  access: BRANCH,
  summary: '按默认清单建立本年度职责 / Start a year’s list from the default duties',
  request: { body: jsonBody(z.object({ year: YearQuerySchema.shape.year.unwrap() })) },
  responses: listResponse,
});
const add = pluginRoute({
  method: 'post',
  path: '/branch/duties',
  access: BRANCH,
  summary: '新增职责 / Add a duty',
  request: { body: jsonBody(DutyInputSchema.extend({ year: YearQuerySchema.shape.year.unwrap() })) },
  responses: { 201: json(DutyListSchema, 'Added') },
});
const save = pluginRoute({
  method: 'put',
  path: '/branch/duties/{dutyId}',
  access: BRANCH,
  summary: '更新职责进展与佐证 / Update a duty’s progress and evidence',
  request: { params: dutyParams, body: jsonBody(DutyInputSchema) },
  responses: listResponse,
});
const addDutyPhoto = pluginRoute({
  method: 'post',
  path: '/branch/duties/{dutyId}/photos',
  access: BRANCH,
  summary: '职责佐证照片 / A photo as evidence of a duty',
  request: { params: dutyParams, body: photoBody },
  responses: { 201: json(z.object({ id: z.uuid() }), 'Uploaded') },
});
const collect = pluginRoute({
  method: 'post',
  path: '/needs',
  access: ['tenant:member'],
  summary: '收集居民需求（转为“码上提”反映）/ Pass on a resident’s need (it becomes a 码上提 report)',
  request: { body: jsonBody(NeedInputSchema) },
  responses: { 201: json(NeedSchema, 'Reported') },
});

/** The year's duties and needs; a year is China's calendar year (Asia/Shanghai). */
async function yearList(ctx: Ctx, year: number) {
  const rows = await ctx.db
    .select()
    .from(duties)
    .where(eq(duties.year, year))
    .orderBy(asc(duties.position), asc(duties.title));
  const photosOf = await photoIdsOf(
    ctx,
    'duty',
    rows.map((r) => r.id),
  );
  // Year bounds in UTC for 00:00 of 1 January in China.
  const from = new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
  const to = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000);
  const collected = await ctx.db
    .select({ need: needs, memberName: members.name })
    .from(needs)
    .innerJoin(members, eq(members.id, needs.memberId))
    .where(and(gte(needs.createdAt, from), lt(needs.createdAt, to)))
    .orderBy(desc(needs.createdAt));
  return {
    year,
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title,
      status: r.status,
      evidence: r.evidence,
      position: r.position,
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedByName,
      photoIds: photosOf(r.id),
    })),
    needs: collected.map(({ need, memberName }) => ({
      id: need.id,
      memberName,
      summary: need.summary,
      reportNumber: need.reportNumber,
      reportLink: need.reportLink,
      createdAt: need.createdAt.toISOString(),
    })),
  };
}

async function insertDuties(ctx: Ctx, year: number, titles: readonly string[], from = 0) {
  try {
    await ctx.db.insert(duties).values(
      titles.map((title, i) => ({
        tenantId: ctx.tenant.id,
        year,
        title,
        status: 'todo' as const,
        position: from + i,
        updatedAt: ctx.now(),
        updatedByName: ctx.actor?.displayName ?? '',
      })),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw fail('duty_taken');
    throw error;
  }
}

/** The default duties of the year the branch is set up in (its first list). */
export async function ensureDefaultDuties(ctx: Ctx) {
  const year = yearOf(ctx.now());
  const [any] = await ctx.db.select({ id: duties.id }).from(duties).where(eq(duties.year, year)).limit(1);
  if (!any) await insertDuties(ctx, year, DEFAULT_DUTIES);
}

export const dutyPhotoReader = async (ctx: Ctx, dutyId: string) =>
  runsBranch(ctx) && (await ctx.db.select({ id: duties.id }).from(duties).where(eq(duties.id, dutyId))).length > 0;

export const dutyRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      return c.json(await yearList(ctx, c.req.valid('query').year ?? yearOf(ctx.now())), 200);
    })
    .openapi(start, async (c) => {
      const ctx = c.get('plugin');
      const { year } = c.req.valid('json');
      await insertDuties(ctx, year, DEFAULT_DUTIES);
      return c.json(await yearList(ctx, year), 200);
    })
    .openapi(add, async (c) => {
      const ctx = c.get('plugin');
      const { year, title, status, evidence } = c.req.valid('json');
      const existing = await ctx.db.select({ id: duties.id }).from(duties).where(eq(duties.year, year));
      await insertDuties(ctx, year, [title], existing.length);
      if (status !== 'todo' || evidence)
        await ctx.db
          .update(duties)
          .set({ status, evidence })
          .where(and(eq(duties.year, year), eq(duties.title, title)));
      return c.json(await yearList(ctx, year), 201);
    })
    .openapi(save, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      try {
        const [row] = await ctx.db
          .update(duties)
          .set({ ...input, updatedAt: ctx.now(), updatedByName: ctx.actor!.displayName })
          .where(eq(duties.id, c.req.valid('param').dutyId))
          .returning({ year: duties.year, id: duties.id });
        if (!row) throw fail('duty_missing');
        await ctx.audit.append({
          action: 'duty_updated',
          targetType: 'party_duty',
          targetId: row.id,
          details: { title: input.title, status: input.status },
        });
        return c.json(await yearList(ctx, row.year), 200);
      } catch (error) {
        if (isUniqueViolation(error)) throw fail('duty_taken');
        throw error;
      }
    })
    .openapi(addDutyPhoto, async (c) => {
      const ctx = c.get('plugin');
      const { dutyId } = c.req.valid('param');
      const [row] = await ctx.db.select({ id: duties.id }).from(duties).where(eq(duties.id, dutyId));
      if (!row) throw fail('duty_missing');
      return c.json({ id: await addPhoto(ctx, 'duty', row.id, await c.req.arrayBuffer()) }, 201);
    })
    .openapi(collect, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const input = c.req.valid('json');
      const id = newId();
      // The member's own 码上提 report: staff sort, assign and answer it; the member follows it like any report.
      const report = await ctx.feedback.open({
        key: id,
        body: input.body,
        buildingId: input.buildingId,
        note: input.note,
      });
      await ctx.db.insert(needs).values({
        id,
        tenantId: ctx.tenant.id,
        memberId: member.id,
        reportId: report.id,
        reportNumber: report.number,
        reportLink: report.link,
        summary: input.body.slice(0, 60),
        createdAt: ctx.now(),
      });
      return c.json({ id, reportNumber: report.number, reportLink: report.link }, 201);
    });
