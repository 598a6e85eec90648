import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { MEDIA_TYPES, writeTable } from '@city/plugin-sdk/documents';
import {
  fileResponse,
  json,
  jsonBody,
  pluginRoute,
  type PluginRouter,
  type RegionContext,
} from '@city/plugin-sdk/server';
import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import { CommitteeInputSchema, RegionBranchSchema, RegionOverviewSchema, YearQuerySchema } from '../contracts.ts';
import {
  activities,
  branches,
  commitments,
  committees,
  duties,
  groupBuildings,
  groups,
  members,
  officers,
  pointRules,
  points,
  signups,
} from '../schema.ts';
import type { Settings } from './access.ts';
import { fail } from './errors.ts';
import { yearOf } from './ledger.ts';

const overview = pluginRoute({
  method: 'get',
  path: '/overview',
  access: ['region:staff'],
  summary: '党委与所辖党支部概况 / The party committee and the branches under it',
  request: { query: YearQuerySchema },
  responses: { 200: json(RegionOverviewSchema) },
});
const exportOverview = pluginRoute({
  method: 'get',
  path: '/overview/export',
  access: ['region:staff'],
  summary: '导出所辖党支部概况（XLSX/CSV）/ Export the branches’ figures',
  request: { query: YearQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
  responses: { 200: fileResponse(MEDIA_TYPES.xlsx) },
});
const branchDetail = pluginRoute({
  method: 'get',
  path: '/branches/{tenantId}',
  access: ['region:staff'],
  summary: '一个党支部的情况（只含统计，不含党员个人信息）/ One branch, in figures (no member’s personal data)',
  request: { params: z.object({ tenantId: z.uuid({ error: 'invalid_format' }) }), query: YearQuerySchema },
  responses: { 200: json(RegionBranchSchema) },
});
const saveCommittee = pluginRoute({
  method: 'put',
  path: '/committee',
  access: ['region:staff'],
  summary: '设立或修改本级党（工）委 / Set up or change this region’s party committee',
  request: { body: jsonBody(CommitteeInputSchema) },
  responses: { 200: json(RegionOverviewSchema) },
});

const committeeView = (row: typeof committees.$inferSelect) => ({
  regionId: row.regionId,
  level: row.level,
  name: row.name,
  secretary: row.secretary,
  phone: row.phone,
});

/** 00:00 of 1 January of `year` and of the next, in China (UTC+8), as instants. */
const yearBounds = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000),
  to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000),
});

/** Counts per neighbourhood, as a lookup that answers 0 for neighbourhoods without rows. */
function byTenant<T extends { tenantId: string }>(rows: T[]) {
  const found = new Map(rows.map((r) => [r.tenantId, r]));
  return (tenantId: string) => found.get(tenantId);
}

const countIf = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * What a 街道/社区 sees: its own committee, the committees of the regions below, and for each neighbourhood under it
 * how its branch stands — figures only, never a member's name (the rows reach here through the policies that let the
 * regions above read their neighbourhoods).
 */
async function regionOverview(ctx: RegionContext, year: number) {
  const { from, to } = yearBounds(year);
  const branchRegions = await ctx.regions.branch();
  const regionName = new Map(branchRegions.map((r) => [r.id, r.name]));
  const rows = await ctx.db.select().from(committees);
  const own = rows.find((r) => r.regionId === ctx.region.id);
  const neighbourhoods = await ctx.neighbourhoods.enabled();
  const branchOf = byTenant(await ctx.db.select({ tenantId: branches.tenantId, name: branches.name }).from(branches));
  const groupsOf = byTenant(
    await ctx.db.select({ tenantId: groups.tenantId, n: count() }).from(groups).groupBy(groups.tenantId),
  );
  const membersOf = byTenant(
    await ctx.db
      .select({
        tenantId: members.tenantId,
        confirmed: countIf(sql`${members.status} = 'confirmed'`),
        pending: countIf(sql`${members.status} = 'pending'`),
        showingBadge: countIf(sql`${members.status} = 'confirmed' and ${members.showBadge}`),
      })
      .from(members)
      .groupBy(members.tenantId),
  );
  const commitmentsOf = byTenant(
    await ctx.db
      .select({
        tenantId: commitments.tenantId,
        published: countIf(sql`${commitments.status} <> 'withdrawn'`),
        fulfilled: countIf(sql`${commitments.status} = 'fulfilled'`),
      })
      .from(commitments)
      .where(eq(commitments.year, year))
      .groupBy(commitments.tenantId),
  );
  const pointsOf = byTenant(
    await ctx.db
      .select({ tenantId: points.tenantId, total: sql<number>`coalesce(sum(${points.points}), 0)`.mapWith(Number) })
      .from(points)
      .where(eq(points.year, year))
      .groupBy(points.tenantId),
  );
  const activitiesOf = byTenant(
    await ctx.db
      .select({ tenantId: activities.tenantId, held: countIf(sql`${activities.status} = 'held'`) })
      .from(activities)
      .where(and(gte(activities.startsAt, from), lt(activities.startsAt, to)))
      .groupBy(activities.tenantId),
  );
  const dutiesOf = byTenant(
    await ctx.db
      .select({ tenantId: duties.tenantId, done: countIf(sql`${duties.status} = 'done'`), all: count() })
      .from(duties)
      .where(eq(duties.year, year))
      .groupBy(duties.tenantId),
  );
  return {
    region: { id: ctx.region.id, name: ctx.region.name, level: ctx.region.level },
    committee: own ? committeeView(own) : null,
    below: rows
      .filter((r) => r.regionId !== ctx.region.id)
      .map((r) => ({ ...committeeView(r), regionName: regionName.get(r.regionId) ?? '' }))
      .sort((a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN')),
    branches: neighbourhoods.map((n) => ({
      tenantId: n.id,
      slug: n.slug,
      neighbourhood: n.name,
      communityId: n.communityId,
      branch: branchOf(n.id)?.name ?? null,
      groups: groupsOf(n.id)?.n ?? 0,
      confirmed: membersOf(n.id)?.confirmed ?? 0,
      pending: membersOf(n.id)?.pending ?? 0,
      showingBadge: membersOf(n.id)?.showingBadge ?? 0,
      commitments: commitmentsOf(n.id)?.published ?? 0,
      fulfilled: commitmentsOf(n.id)?.fulfilled ?? 0,
      points: pointsOf(n.id)?.total ?? 0,
      activitiesHeld: activitiesOf(n.id)?.held ?? 0,
      dutiesDone: dutiesOf(n.id)?.done ?? 0,
      duties: dutiesOf(n.id)?.all ?? 0,
    })),
    year,
  };
}

/** One branch under the region, in figures: its groups, members, commitments, points by rule, activities, duties. */
async function regionBranch(ctx: RegionContext, tenantId: string, year: number) {
  const neighbourhood = (await ctx.neighbourhoods.enabled()).find((n) => n.id === tenantId);
  if (!neighbourhood) throw fail('branch_missing');
  const { from, to } = yearBounds(year);
  const [branch] = await ctx.db.select().from(branches).where(eq(branches.tenantId, tenantId));
  const committee = await ctx.db
    .select()
    .from(officers)
    .where(eq(officers.tenantId, tenantId))
    .orderBy(asc(officers.position));
  const groupRows = await ctx.db
    .select({
      id: groups.id,
      name: groups.name,
      leaderName: groups.leaderName,
      buildings:
        sql<number>`(select count(*) from ${groupBuildings} where ${groupBuildings.groupId} = ${groups.id})`.mapWith(
          Number,
        ),
      members:
        sql<number>`(select count(*) from ${members} where ${members.groupId} = ${groups.id} and ${members.status} = 'confirmed')`.mapWith(
          Number,
        ),
    })
    .from(groups)
    .where(eq(groups.tenantId, tenantId))
    .orderBy(asc(groups.name));
  const [counted] = await ctx.db
    .select({
      confirmed: countIf(sql`${members.status} = 'confirmed'`),
      pending: countIf(sql`${members.status} = 'pending'`),
      showingBadge: countIf(sql`${members.status} = 'confirmed' and ${members.showBadge}`),
    })
    .from(members)
    .where(eq(members.tenantId, tenantId));
  const [promised] = await ctx.db
    .select({
      published: countIf(sql`${commitments.status} <> 'withdrawn'`),
      claimed: countIf(sql`${commitments.status} = 'claimed'`),
      fulfilled: countIf(sql`${commitments.status} = 'fulfilled'`),
    })
    .from(commitments)
    .where(and(eq(commitments.tenantId, tenantId), eq(commitments.year, year)));
  const byRule = await ctx.db
    .select({
      rule: sql<string>`coalesce(${pointRules.name}, '')`,
      points: sql<number>`sum(${points.points})`.mapWith(Number),
    })
    .from(points)
    .leftJoin(pointRules, eq(pointRules.id, points.ruleId))
    .where(and(eq(points.tenantId, tenantId), eq(points.year, year)))
    .groupBy(pointRules.name)
    .orderBy(asc(pointRules.name));
  const held = await ctx.db
    .select({
      activity: activities,
      signedUp: sql<number>`(select count(*) from ${signups} where ${signups.activityId} = ${activities.id})`.mapWith(
        Number,
      ),
      attended:
        sql<number>`(select count(*) from ${signups} where ${signups.activityId} = ${activities.id} and ${signups.attended})`.mapWith(
          Number,
        ),
    })
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), gte(activities.startsAt, from), lt(activities.startsAt, to)))
    .orderBy(asc(activities.startsAt));
  const dutyRows = await ctx.db
    .select()
    .from(duties)
    .where(and(eq(duties.tenantId, tenantId), eq(duties.year, year)))
    .orderBy(asc(duties.position));
  return {
    tenantId,
    neighbourhood: neighbourhood.name,
    year,
    branch: branch
      ? { name: branch.name, officers: committee.map(({ name, position }) => ({ name, position })) }
      : null,
    groups: groupRows.map(({ name, leaderName, buildings, members: n }) => ({
      name,
      leaderName,
      buildings,
      members: n,
    })),
    members: counted ?? { confirmed: 0, pending: 0, showingBadge: 0 },
    commitments: promised ?? { published: 0, claimed: 0, fulfilled: 0 },
    points: { total: byRule.reduce((sum, r) => sum + r.points, 0), byRule },
    activities: held.map(({ activity, signedUp, attended }) => ({
      title: activity.title,
      kind: activity.kind,
      meetingType: activity.meetingType,
      startsAt: activity.startsAt.toISOString(),
      status: activity.status,
      signedUp,
      attended,
    })),
    duties: dutyRows.map(({ title, status, evidence }) => ({ title, status, evidence })),
  };
}

const yearOfQuery = (ctx: RegionContext, year: number | undefined) => year ?? yearOf(ctx.now());

export const regionRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(overview, async (c) => {
      const ctx = c.get('region');
      return c.json(await regionOverview(ctx, yearOfQuery(ctx, c.req.valid('query').year)), 200);
    })
    .openapi(exportOverview, async (c) => {
      const ctx = c.get('region');
      const { format, year } = c.req.valid('query');
      const result = await regionOverview(ctx, yearOfQuery(ctx, year));
      const header = [
        '小区',
        '党支部',
        '党小组',
        '已报到党员',
        '待确认',
        '亮身份',
        '承诺',
        '已践诺',
        '积分',
        '活动',
        '职责完成',
        '职责总数',
      ];
      const rows = result.branches.map((b) => [
        b.neighbourhood,
        b.branch ?? '未设立',
        b.groups,
        b.confirmed,
        b.pending,
        b.showingBadge,
        b.commitments,
        b.fulfilled,
        b.points,
        b.activitiesHeld,
        b.dutiesDone,
        b.duties,
      ]);
      const bytes = await writeTable({ header, rows }, format, `${result.year}年党建概况`);
      return c.body(bytes, 200, {
        'content-type': MEDIA_TYPES[format],
        'content-disposition': `attachment; filename="party-branches-${result.year}.${format}"`,
      });
    })
    .openapi(branchDetail, async (c) => {
      const ctx = c.get('region');
      const { tenantId } = c.req.valid('param');
      return c.json(await regionBranch(ctx, tenantId, yearOfQuery(ctx, c.req.valid('query').year)), 200);
    })
    .openapi(saveCommittee, async (c) => {
      const ctx = c.get('region');
      const input = c.req.valid('json');
      if (ctx.region.level === 'district') throw fail('committee_level');
      const values = { ...input, level: ctx.region.level, updatedAt: ctx.now() };
      await ctx.db
        .insert(committees)
        .values({ regionId: ctx.region.id, ...values })
        .onConflictDoUpdate({ target: committees.regionId, set: values });
      return c.json(await regionOverview(ctx, yearOf(ctx.now())), 200);
    });
