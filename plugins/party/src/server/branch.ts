import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { isUniqueViolation, json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { newId } from '@city/plugin-sdk/schema';
import { asc, count, eq, inArray, ne, and } from 'drizzle-orm';
import {
  BranchAdminSchema,
  BranchInputSchema,
  GroupInputSchema,
  LeaderInputSchema,
  OfficersInputSchema,
} from '../contracts.ts';
import { branches, groupBuildings, groups, leaders, members, officers } from '../schema.ts';
import { BRANCH, branchView, leaderView, memberNames, requireBranch, type Ctx, type Settings } from './access.ts';
import { fail } from './errors.ts';
import { ensureDefaultDuties } from './duties.ts';
import { ensureDefaultRules } from './ledger.ts';

const groupParams = z.object({ groupId: z.uuid({ error: 'invalid_format' }) });
const leaderParams = z.object({ leaderId: z.uuid({ error: 'invalid_format' }) });
const admin = { 200: json(BranchAdminSchema) };

const read = pluginRoute({
  method: 'get',
  path: '/branch',
  access: BRANCH,
  summary: '支部、党小组与楼栋长 / The branch, its groups and the people in charge of places',
  responses: admin,
});
const saveBranch = pluginRoute({
  method: 'put',
  path: '/branch',
  access: BRANCH,
  summary: '设立或修改党支部 / Set up or rename the branch',
  request: { body: jsonBody(BranchInputSchema) },
  responses: admin,
});
const saveOfficers = pluginRoute({
  method: 'put',
  path: '/branch/officers',
  access: BRANCH,
  summary: '支部委员会 / The branch committee',
  request: { body: jsonBody(OfficersInputSchema) },
  responses: admin,
});
const addGroup = pluginRoute({
  method: 'post',
  path: '/groups',
  access: BRANCH,
  summary: '设立楼栋党小组 / Set up a building party group',
  request: { body: jsonBody(GroupInputSchema) },
  responses: { 201: json(BranchAdminSchema, 'Created') },
});
const saveGroup = pluginRoute({
  method: 'put',
  path: '/groups/{groupId}',
  access: BRANCH,
  summary: '修改党小组 / Change a party group',
  request: { params: groupParams, body: jsonBody(GroupInputSchema) },
  responses: admin,
});
const removeGroup = pluginRoute({
  method: 'delete',
  path: '/groups/{groupId}',
  access: BRANCH,
  summary: '撤销党小组 / Dissolve a party group',
  request: { params: groupParams },
  responses: admin,
});
const addLeader = pluginRoute({
  method: 'post',
  path: '/leaders',
  access: BRANCH,
  summary: '设楼栋长、单元长、楼层长 / Name a building, entrance or floor lead',
  request: { body: jsonBody(LeaderInputSchema) },
  responses: { 201: json(BranchAdminSchema, 'Created') },
});
const removeLeader = pluginRoute({
  method: 'delete',
  path: '/leaders/{leaderId}',
  access: BRANCH,
  summary: '免去负责人 / Relieve a lead',
  request: { params: leaderParams },
  responses: admin,
});

/** The registry's buildings with their entrances and, per entrance, the floors that have units. */
async function buildingsWithPlaces(ctx: Ctx) {
  const byBuilding = new Map<string, { id: string; name: string; floors: Map<string, Set<number>> }>();
  for (const unit of await ctx.registry.units()) {
    const building =
      byBuilding.get(unit.buildingId) ??
      byBuilding
        .set(unit.buildingId, { id: unit.buildingId, name: unit.buildingName, floors: new Map() })
        .get(unit.buildingId)!;
    const floors =
      building.floors.get(unit.entrance) ?? building.floors.set(unit.entrance, new Set()).get(unit.entrance)!;
    floors.add(unit.floor);
  }
  for (const b of await ctx.registry.buildings()) {
    if (!byBuilding.has(b.id)) byBuilding.set(b.id, { id: b.id, name: b.name, floors: new Map() });
  }
  return [...byBuilding.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
}

async function adminView(ctx: Ctx) {
  const places = await buildingsWithPlaces(ctx);
  const buildingName = new Map(places.map((b) => [b.id, b.name]));
  const people = (await ctx.members.list())
    .map((m) => ({ userId: m.userId, name: m.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const groupRows = await ctx.db.select().from(groups).orderBy(asc(groups.name));
  const bound = await ctx.db.select().from(groupBuildings);
  const perGroup = await ctx.db
    .select({ groupId: members.groupId, n: count() })
    .from(members)
    .where(eq(members.status, 'confirmed'))
    .groupBy(members.groupId);
  const statusCounts = await ctx.db
    .select({ status: members.status, n: count() })
    .from(members)
    .where(inArray(members.status, ['pending', 'confirmed']))
    .groupBy(members.status);
  const leaderRows = await ctx.db
    .select()
    .from(leaders)
    .orderBy(asc(leaders.kind), asc(leaders.entrance), asc(leaders.floor));
  const countOf = (status: string) => statusCounts.find((s) => s.status === status)?.n ?? 0;
  return {
    branch: await branchView(ctx),
    groups: groupRows.map((g) => ({
      id: g.id,
      name: g.name,
      leaderUserId: g.leaderUserId,
      leaderName: g.leaderName,
      buildings: bound
        .filter((b) => b.groupId === g.id)
        .map((b) => ({ id: b.buildingId, name: buildingName.get(b.buildingId) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
      members: perGroup.find((p) => p.groupId === g.id)?.n ?? 0,
    })),
    leaders: leaderRows
      .map((l) => leaderView(l, buildingName.get(l.buildingId) ?? ''))
      .sort((a, b) => a.buildingName.localeCompare(b.buildingName, 'zh-CN', { numeric: true })),
    buildings: places.map((b) => ({ id: b.id, name: b.name, entrances: [...b.floors.keys()].sort() })),
    people,
    counts: { pending: countOf('pending'), confirmed: countOf('confirmed') },
  };
}

/** A group's buildings: each of the registry, and none already another group's. */
async function bindBuildings(ctx: Ctx, groupId: string, buildingIds: readonly string[]) {
  const known = new Set((await ctx.registry.buildings()).map((b) => b.id));
  if (buildingIds.some((id) => !known.has(id))) throw fail('building_missing');
  await ctx.db.delete(groupBuildings).where(eq(groupBuildings.groupId, groupId));
  if (!buildingIds.length) return;
  const taken = await ctx.db
    .select({ id: groupBuildings.buildingId })
    .from(groupBuildings)
    .where(and(inArray(groupBuildings.buildingId, [...buildingIds]), ne(groupBuildings.groupId, groupId)));
  if (taken.length) throw fail('building_taken');
  await ctx.db
    .insert(groupBuildings)
    .values([...new Set(buildingIds)].map((buildingId) => ({ tenantId: ctx.tenant.id, buildingId, groupId })));
}

async function leaderName(ctx: Ctx, userId: string | null) {
  if (!userId) return '';
  return (await memberNames(ctx, [userId])).get(userId)!;
}

async function saveGroupRow(ctx: Ctx, groupId: string | null, input: z.infer<typeof GroupInputSchema>) {
  await requireBranch(ctx);
  const values = {
    name: input.name,
    leaderUserId: input.leaderUserId,
    leaderName: await leaderName(ctx, input.leaderUserId),
  };
  const id = groupId ?? newId();
  try {
    if (groupId) {
      const updated = await ctx.db
        .update(groups)
        .set(values)
        .where(eq(groups.id, groupId))
        .returning({ id: groups.id });
      if (!updated.length) throw fail('group_missing');
    } else {
      await ctx.db.insert(groups).values({ id, tenantId: ctx.tenant.id, ...values, createdAt: ctx.now() });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw fail('group_name_taken');
    throw error;
  }
  await bindBuildings(ctx, id, input.buildingIds);
  await ctx.audit.append({
    action: groupId ? 'group_changed' : 'group_added',
    targetType: 'party_group',
    targetId: id,
    details: { name: input.name, buildings: input.buildingIds.length },
  });
}

export const branchRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(read, async (c) => c.json(await adminView(c.get('plugin')), 200))
    .openapi(saveBranch, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      await ctx.db
        .insert(branches)
        .values({ tenantId: ctx.tenant.id, ...input, updatedAt: ctx.now() })
        .onConflictDoUpdate({ target: branches.tenantId, set: { ...input, updatedAt: ctx.now() } });
      await ensureDefaultRules(ctx);
      await ensureDefaultDuties(ctx);
      await ctx.audit.append({
        action: 'branch_saved',
        targetType: 'party_branch',
        targetId: ctx.tenant.id,
        details: input,
      });
      return c.json(await adminView(ctx), 200);
    })
    .openapi(saveOfficers, async (c) => {
      const ctx = c.get('plugin');
      const { officers: chosen } = c.req.valid('json');
      await requireBranch(ctx);
      const names = await memberNames(
        ctx,
        chosen.map((o) => o.userId),
      );
      await ctx.db.delete(officers);
      if (chosen.length) {
        await ctx.db.insert(officers).values(
          [...new Map(chosen.map((o) => [o.userId, o])).values()].map((o) => ({
            tenantId: ctx.tenant.id,
            userId: o.userId,
            position: o.position,
            name: names.get(o.userId)!,
          })),
        );
      }
      await ctx.audit.append({
        action: 'officers_saved',
        targetType: 'party_branch',
        targetId: ctx.tenant.id,
        details: { officers: chosen.length },
      });
      return c.json(await adminView(ctx), 200);
    })
    .openapi(addGroup, async (c) => {
      const ctx = c.get('plugin');
      await saveGroupRow(ctx, null, c.req.valid('json'));
      return c.json(await adminView(ctx), 201);
    })
    .openapi(saveGroup, async (c) => {
      const ctx = c.get('plugin');
      await saveGroupRow(ctx, c.req.valid('param').groupId, c.req.valid('json'));
      return c.json(await adminView(ctx), 200);
    })
    .openapi(removeGroup, async (c) => {
      const ctx = c.get('plugin');
      const { groupId } = c.req.valid('param');
      const removed = await ctx.db.delete(groups).where(eq(groups.id, groupId)).returning({ name: groups.name });
      if (!removed.length) throw fail('group_missing');
      await ctx.audit.append({
        action: 'group_removed',
        targetType: 'party_group',
        targetId: groupId,
        details: removed[0]!,
      });
      return c.json(await adminView(ctx), 200);
    })
    .openapi(addLeader, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      await requireBranch(ctx);
      const building = (await buildingsWithPlaces(ctx)).find((b) => b.id === input.buildingId);
      if (!building) throw fail('building_missing');
      const entrance = input.kind === 'building' ? '' : input.entrance;
      const floor = input.kind === 'floor' ? input.floor : null;
      const floors = building.floors.get(entrance);
      if (input.kind !== 'building' && (!floors || (input.kind === 'floor' && (floor === null || !floors.has(floor)))))
        throw fail('place_missing');
      const name = (await memberNames(ctx, [input.userId])).get(input.userId)!;
      const id = newId();
      try {
        await ctx.db.insert(leaders).values({
          id,
          tenantId: ctx.tenant.id,
          kind: input.kind,
          buildingId: input.buildingId,
          entrance,
          floor,
          userId: input.userId,
          name,
          phone: input.phone,
          createdAt: ctx.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw fail('place_taken');
        throw error;
      }
      await ctx.audit.append({
        action: 'leader_named',
        targetType: 'party_leader',
        targetId: id,
        details: { kind: input.kind, building: building.name, entrance, floor, name },
      });
      return c.json(await adminView(ctx), 201);
    })
    .openapi(removeLeader, async (c) => {
      const ctx = c.get('plugin');
      const { leaderId } = c.req.valid('param');
      const removed = await ctx.db.delete(leaders).where(eq(leaders.id, leaderId)).returning({ name: leaders.name });
      if (!removed.length) throw fail('leader_missing');
      await ctx.audit.append({
        action: 'leader_relieved',
        targetType: 'party_leader',
        targetId: leaderId,
        details: removed[0]!,
      });
      return c.json(await adminView(ctx), 200);
    });
