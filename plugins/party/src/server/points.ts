import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { MEDIA_TYPES, renderPrintedNotice, writeTable } from '@city/plugin-sdk/documents';
import { PAGES } from '../pages.ts';
import {
  fileResponse,
  isUniqueViolation,
  json,
  jsonBody,
  pluginRoute,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import {
  AssessmentSchema,
  AwardInputSchema,
  MyPointsSchema,
  PointEntrySchema,
  PointRuleInputSchema,
  PointRuleSchema,
  ReversalInputSchema,
  YearQuerySchema,
} from '../contracts.ts';
import { assessment } from '../points.ts';
import { commitments, groups, members, pointRules, points } from '../schema.ts';
import { BRANCH, type Ctx, type Settings } from './access.ts';
import { commitmentViews, myMembership } from './commitments.ts';
import { fail } from './errors.ts';
import { award, confirmedMember, reverse, yearOf } from './ledger.ts';

const ruleParams = z.object({ ruleId: z.uuid({ error: 'invalid_format' }) });
const entryParams = z.object({ entryId: z.uuid({ error: 'invalid_format' }) });
const rulesList = { 200: json(z.object({ items: z.array(PointRuleSchema) })) };

const mine = pluginRoute({
  method: 'get',
  path: '/my/points',
  access: ['tenant:member'],
  summary: '我的积分与承诺 / My points and commitments for a year',
  request: { query: YearQuerySchema },
  responses: { 200: json(MyPointsSchema) },
});
const rules = pluginRoute({
  method: 'get',
  path: '/branch/rules',
  access: BRANCH,
  summary: '积分规则 / The points scheme',
  responses: rulesList,
});
const addRule = pluginRoute({
  method: 'post',
  path: '/branch/rules',
  access: BRANCH,
  summary: '新增积分规则 / Add a points rule',
  request: { body: jsonBody(PointRuleInputSchema) },
  responses: { 201: json(z.object({ items: z.array(PointRuleSchema) }), 'Added') },
});
const saveRule = pluginRoute({
  method: 'put',
  path: '/branch/rules/{ruleId}',
  access: BRANCH,
  summary: '修改或停用积分规则 / Change or retire a points rule',
  request: { params: ruleParams, body: jsonBody(PointRuleInputSchema) },
  responses: rulesList,
});
const ledger = pluginRoute({
  method: 'get',
  path: '/branch/points',
  access: BRANCH,
  summary: '积分记录 / The points ledger of a year',
  request: { query: YearQuerySchema.extend({ partyMemberId: z.uuid({ error: 'invalid_format' }).optional() }) },
  responses: { 200: json(z.object({ items: z.array(PointEntrySchema) })) },
});
const give = pluginRoute({
  method: 'post',
  path: '/branch/points',
  access: BRANCH,
  summary: '记积分 / Award points by a rule',
  request: { body: jsonBody(AwardInputSchema) },
  responses: { 201: json(PointEntrySchema, 'Recorded') },
});
const undo = pluginRoute({
  method: 'post',
  path: '/branch/points/{entryId}/reversal',
  access: BRANCH,
  summary: '冲正（不修改原记录）/ Reverse an entry (the original stays)',
  request: { params: entryParams, body: jsonBody(ReversalInputSchema) },
  responses: { 201: json(PointEntrySchema, 'Reversed') },
});
const yearly = pluginRoute({
  method: 'get',
  path: '/branch/assessment',
  access: BRANCH,
  summary: '年度积分考核 / The year’s assessment per member',
  request: { query: YearQuerySchema },
  responses: { 200: json(AssessmentSchema) },
});
const yearlyFile = pluginRoute({
  method: 'get',
  path: '/branch/assessment/export',
  access: BRANCH,
  summary: '导出年度考核（XLSX/CSV/PDF）/ Export the year’s assessment',
  request: { query: YearQuerySchema.extend({ format: z.enum(['xlsx', 'csv', 'pdf']).default('xlsx') }) },
  responses: { 200: fileResponse(MEDIA_TYPES.xlsx) },
});

const ruleView = (r: typeof pointRules.$inferSelect) => ({
  id: r.id,
  name: r.name,
  points: r.points,
  yearlyCap: r.yearlyCap,
  awardedBy: r.awardedBy,
  trigger: r.trigger,
  active: r.active,
});

const allRules = async (ctx: Ctx) =>
  (await ctx.db.select().from(pointRules).orderBy(asc(pointRules.name))).map(ruleView);

async function entryViews(ctx: Ctx, rows: Array<typeof points.$inferSelect>) {
  const names = new Map(
    (await ctx.db.select({ id: members.id, name: members.name }).from(members)).map((m) => [m.id, m.name]),
  );
  const ruleNames = new Map((await ctx.db.select().from(pointRules)).map((r) => [r.id, r.name]));
  const reversed = new Set(
    (await ctx.db.select({ id: points.reverses }).from(points).where(isNotNull(points.reverses))).map((r) => r.id),
  );
  return rows.map((e) => ({
    id: e.id,
    partyMemberId: e.memberId,
    memberName: names.get(e.memberId) ?? '',
    ruleId: e.ruleId,
    ruleName: e.ruleId ? (ruleNames.get(e.ruleId) ?? null) : null,
    year: e.year,
    points: e.points,
    reason: e.reason,
    reverses: e.reverses,
    reversed: reversed.has(e.id),
    awardedByName: e.awardedByName,
    at: e.at.toISOString(),
  }));
}

async function entryView(ctx: Ctx, id: string) {
  const rows = await ctx.db.select().from(points).where(eq(points.id, id));
  return (await entryViews(ctx, rows))[0]!;
}

async function saveRuleRow(ctx: Ctx, ruleId: string | null, input: z.infer<typeof PointRuleInputSchema>) {
  try {
    if (ruleId) {
      const updated = await ctx.db
        .update(pointRules)
        .set(input)
        .where(eq(pointRules.id, ruleId))
        .returning({ id: pointRules.id });
      if (!updated.length) throw fail('rule_missing');
    } else {
      await ctx.db.insert(pointRules).values({ ...input, tenantId: ctx.tenant.id, trigger: null });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw fail('rule_name_taken');
    throw error;
  }
  await ctx.audit.append({
    action: ruleId ? 'rule_changed' : 'rule_added',
    targetType: 'party_point_rule',
    targetId: ruleId ?? input.name,
    details: { ...input },
  });
}

/** The year's assessment: every member with entries or commitments that year, with totals by rule. */
async function yearAssessment(ctx: Ctx, year: number) {
  const entries = await ctx.db.select().from(points).where(eq(points.year, year));
  const byMember = assessment(entries);
  const people = await ctx.db
    .select({ id: members.id, name: members.name, status: members.status, groupName: groups.name })
    .from(members)
    .leftJoin(groups, eq(groups.id, members.groupId))
    .orderBy(asc(members.name));
  const promised = await ctx.db
    .select({ memberId: commitments.memberId, status: commitments.status })
    .from(commitments)
    .where(eq(commitments.year, year));
  const ruleList = await allRules(ctx);
  const rows = people
    .filter((p) => p.status === 'confirmed' || byMember.has(p.id))
    .map((p) => {
      const mine = byMember.get(p.id);
      const theirs = promised.filter((c) => c.memberId === p.id && c.status !== 'withdrawn');
      return {
        partyMemberId: p.id,
        name: p.name,
        groupName: p.groupName,
        total: mine?.total ?? 0,
        byRule: Object.fromEntries([...(mine?.byRule ?? [])].map(([rule, sum]) => [rule ?? '', sum])),
        commitments: { published: theirs.length, fulfilled: theirs.filter((c) => c.status === 'fulfilled').length },
      };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  return { year, rules: ruleList, members: rows, total: rows.reduce((sum, r) => sum + r.total, 0) };
}

const thisYear = (ctx: Ctx, year: number | undefined) => year ?? yearOf(ctx.now());

/** The yearly assessment as the branch prints it for its meeting: one section per member, points by rule. */
function assessmentPdf(ctx: Ctx, result: Awaited<ReturnType<typeof yearAssessment>>) {
  const ruleName = new Map(result.rules.map((r) => [r.id, r.name]));
  return renderPrintedNotice(
    {
      neighbourhood: ctx.tenant.name,
      title: `${result.year}年度党员积分考核`,
      url: ctx.links.href(PAGES.points),
      qrCaption: '扫码查看积分明细（支部委员）',
      printedAt: ctx.now(),
      sections: result.members.map((m) => ({
        heading: `${m.name}${m.groupName ? `（${m.groupName}）` : ''} 合计 ${m.total} 分`,
        lines: [
          ...Object.entries(m.byRule).map(([rule, sum]) => `${ruleName.get(rule) ?? '其他'}：${sum} 分`),
          `承诺 ${m.commitments.published} 项，已践诺 ${m.commitments.fulfilled} 项`,
        ],
      })),
      footer: [`全支部合计 ${result.total} 分。积分只增不改，更正以冲正记录为准。`],
    },
    ctx.fonts,
  );
}

export const pointRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(mine, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const year = thisYear(ctx, c.req.valid('query').year);
      const rows = await ctx.db
        .select()
        .from(points)
        .where(and(eq(points.memberId, member.id), eq(points.year, year)))
        .orderBy(desc(points.at));
      const promised = await ctx.db
        .select()
        .from(commitments)
        .where(and(eq(commitments.memberId, member.id), eq(commitments.year, year)))
        .orderBy(desc(commitments.publishedAt));
      return c.json(
        {
          year,
          total: rows.reduce((sum, e) => sum + e.points, 0),
          entries: await entryViews(ctx, rows),
          commitments: await commitmentViews(ctx, promised),
        },
        200,
      );
    })
    .openapi(rules, async (c) => c.json({ items: await allRules(c.get('plugin')) }, 200))
    .openapi(addRule, async (c) => {
      const ctx = c.get('plugin');
      await saveRuleRow(ctx, null, c.req.valid('json'));
      return c.json({ items: await allRules(ctx) }, 201);
    })
    .openapi(saveRule, async (c) => {
      const ctx = c.get('plugin');
      await saveRuleRow(ctx, c.req.valid('param').ruleId, c.req.valid('json'));
      return c.json({ items: await allRules(ctx) }, 200);
    })
    .openapi(ledger, async (c) => {
      const ctx = c.get('plugin');
      const { partyMemberId, year } = c.req.valid('query');
      const rows = await ctx.db
        .select()
        .from(points)
        .where(
          and(eq(points.year, thisYear(ctx, year)), partyMemberId ? eq(points.memberId, partyMemberId) : undefined),
        )
        .orderBy(desc(points.at), desc(points.id));
      return c.json({ items: await entryViews(ctx, rows) }, 200);
    })
    .openapi(give, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      const member = await confirmedMember(ctx, input.partyMemberId);
      const [rule] = await ctx.db
        .select()
        .from(pointRules)
        .where(and(eq(pointRules.id, input.ruleId), eq(pointRules.active, true)));
      if (!rule) throw fail('rule_missing');
      if (rule.trigger) throw fail('rule_automatic');
      const id = await award(ctx, { memberId: member.id, rule, reason: input.reason });
      return c.json(await entryView(ctx, id!), 201);
    })
    .openapi(undo, async (c) => {
      const ctx = c.get('plugin');
      const id = await reverse(ctx, c.req.valid('param').entryId, c.req.valid('json').reason);
      return c.json(await entryView(ctx, id), 201);
    })
    .openapi(yearly, async (c) => {
      const ctx = c.get('plugin');
      return c.json(await yearAssessment(ctx, thisYear(ctx, c.req.valid('query').year)), 200);
    })
    .openapi(yearlyFile, async (c) => {
      const ctx = c.get('plugin');
      const { format, year } = c.req.valid('query');
      const result = await yearAssessment(ctx, thisYear(ctx, year));
      if (format === 'pdf') {
        const bytes = await assessmentPdf(ctx, result);
        return c.body(bytes, 200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="party-assessment-${result.year}.pdf"`,
        });
      }
      const header = ['姓名', '党小组', ...result.rules.map((r) => r.name), '其他', '合计', '承诺数', '已践诺'];
      const rows = result.members.map((m) => [
        m.name,
        m.groupName ?? '',
        ...result.rules.map((r) => m.byRule[r.id] ?? 0),
        m.byRule[''] ?? 0,
        m.total,
        m.commitments.published,
        m.commitments.fulfilled,
      ]);
      const bytes = await writeTable({ header, rows }, format, `${result.year}年度积分`);
      return c.body(bytes, 200, {
        'content-type': MEDIA_TYPES[format],
        'content-disposition': `attachment; filename="party-assessment-${result.year}.${format}"`,
      });
    });
