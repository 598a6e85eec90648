import type { Schema } from 'hono';
import { json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { desc, eq, inArray } from 'drizzle-orm';
import { OverviewSchema } from '../contracts.ts';
import { groupBuildings, groups, leaders, members } from '../schema.ts';
import { CONSENT } from '../values.ts';
import { branchView, leaderView, runsBranch, type Ctx, type Settings } from './access.ts';

const overview = pluginRoute({
  method: 'get',
  path: '/overview',
  access: ['tenant:member'],
  summary: '党支部、本人报到与住处的楼栋长 / The branch, my registration and who leads where I live',
  responses: { 200: json(OverviewSchema) },
});

/** The caller's registration as they see it: the latest one, open or ended. */
export async function myRegistration(ctx: Ctx) {
  const [row] = await ctx.db
    .select({ member: members, groupName: groups.name })
    .from(members)
    .leftJoin(groups, eq(groups.id, members.groupId))
    .where(eq(members.userId, ctx.actor!.id))
    .orderBy(desc(members.registeredAt))
    .limit(1);
  if (!row) return null;
  const { member } = row;
  return {
    status: member.status,
    workUnit: member.workUnit,
    homeAddress: member.homeAddress,
    groupName: row.groupName,
    showBadge: member.showBadge,
    registeredAt: member.registeredAt.toISOString(),
    endNote: member.endNote,
  };
}

/** For each of the caller's homes: the building's party group and the people in charge of that building, entrance, floor. */
async function myPlaces(ctx: Ctx, homes: Array<{ unitId: string; address: string }>) {
  if (!homes.length) return [];
  const units = new Map((await ctx.registry.units()).map((u) => [u.id, u]));
  const located = homes.flatMap((home) => {
    const unit = units.get(home.unitId);
    return unit ? [{ home, unit }] : [];
  });
  const buildingIds = [...new Set(located.map((l) => l.unit.buildingId))];
  if (!buildingIds.length) return [];
  const people = await ctx.db.select().from(leaders).where(inArray(leaders.buildingId, buildingIds));
  const grouped = await ctx.db
    .select({ buildingId: groupBuildings.buildingId, name: groups.name, leaderName: groups.leaderName })
    .from(groupBuildings)
    .innerJoin(groups, eq(groups.id, groupBuildings.groupId))
    .where(inArray(groupBuildings.buildingId, buildingIds));
  const groupOf = new Map(grouped.map((g) => [g.buildingId, { name: g.name, leaderName: g.leaderName }]));
  const order = { building: 0, entrance: 1, floor: 2 } as const;
  return located.map(({ home, unit }) => ({
    address: home.address,
    group: groupOf.get(unit.buildingId) ?? null,
    leaders: people
      .filter(
        (p) =>
          p.buildingId === unit.buildingId &&
          (p.kind === 'building' ||
            (p.entrance === unit.entrance && (p.kind === 'entrance' || p.floor === unit.floor))),
      )
      .sort((a, b) => order[a.kind] - order[b.kind])
      .map((p) => leaderView(p, unit.buildingName)),
  }));
}

export const overviewRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router.openapi(overview, async (c) => {
    const ctx = c.get('plugin');
    const homes = (await ctx.members.homes()).map(({ unitId, address }) => ({ unitId, address }));
    // One after another: capabilities switch the transaction's role, so nothing may run beside them.
    const branch = await branchView(ctx);
    const me = await myRegistration(ctx);
    const places = await myPlaces(ctx, homes);
    return c.json(
      {
        intro: ctx.settings.intro,
        branch,
        consent: { version: CONSENT.version, text: { 'zh-CN': CONSENT['zh-CN'], en: CONSENT.en } },
        me,
        homes,
        places,
        runsBranch: runsBranch(ctx),
      },
      200,
    );
  });
