import { newId } from '@city/plugin-sdk/schema';
import type { RegionContext } from '@city/plugin-sdk/server';
import {
  activities,
  branches,
  commitments,
  committees,
  duties,
  groupBuildings,
  groups,
  leaders,
  memberEvents,
  members,
  officers,
  pointRules,
  points,
  signups,
} from '../schema.ts';
import { CONSENT, DEFAULT_DUTIES, DEFAULT_POINT_RULES } from '../values.ts';
import { BADGE, type Ctx } from './access.ts';
import { yearOf } from './ledger.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The demo's four in-service members, by display name, with where they work; the first shows their identity. */
const DEMO_MEMBERS = [
  { name: '赵志强', workUnit: '璧山区人民医院', position: 'secretary', phone: '13900000013', badge: true },
  { name: '刘芳', workUnit: '璧山区实验小学', position: 'member', phone: '13900000012', badge: false },
  { name: '陈建国', workUnit: '璧山区住房和城乡建设委员会', position: 'deputy', phone: '13900000011', badge: false },
  { name: '孙丽', workUnit: '重庆银行璧山支行', position: null, phone: '13900000014', badge: false },
] as const;

/**
 * A branch with two groups over the registry's buildings, a 楼栋长 for every building, four confirmed in-service
 * members (one showing their identity) with their commitments and points. The homes are units of the demo registry.
 */
export async function partyDemo(ctx: Ctx) {
  const now = ctx.now();
  const tenantId = ctx.tenant.id;
  await ctx.db
    .insert(branches)
    .values({ tenantId, name: `${ctx.tenant.name}小区党支部`, kind: 'functional', updatedAt: now });
  const people = new Map((await ctx.members.list()).map((m) => [m.displayName, m.userId]));
  const units = await ctx.registry.units();
  const buildings = [...new Map(units.map((u) => [u.buildingId, u.buildingName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'zh-CN', { numeric: true }),
  );
  const present = DEMO_MEMBERS.flatMap((m) => {
    const userId = people.get(m.name);
    return userId ? [{ ...m, userId }] : [];
  });
  const half = Math.ceil(buildings.length / 2);
  const groupIds: string[] = [];
  for (const [i, name] of ['第一党小组', '第二党小组'].entries()) {
    const leader = present[i];
    const id = newId();
    groupIds.push(id);
    await ctx.db.insert(groups).values({
      id,
      tenantId,
      name,
      leaderUserId: leader?.userId ?? null,
      leaderName: leader?.name ?? '',
      createdAt: now,
    });
    const mine = i === 0 ? buildings.slice(0, half) : buildings.slice(half);
    if (mine.length)
      await ctx.db.insert(groupBuildings).values(mine.map(([buildingId]) => ({ tenantId, buildingId, groupId: id })));
  }
  for (const [i, [buildingId]] of buildings.entries()) {
    const leader = present[i % present.length];
    if (!leader) break;
    await ctx.db.insert(leaders).values({
      tenantId,
      kind: 'building',
      buildingId,
      userId: leader.userId,
      name: leader.name,
      phone: leader.phone,
      createdAt: now,
    });
  }
  const memberIds: string[] = [];
  for (const [i, person] of present.entries()) {
    if (person.position)
      await ctx.db
        .insert(officers)
        .values({ tenantId, userId: person.userId, name: person.name, position: person.position });
    const home = units[(i * 37) % units.length]!;
    const registeredAt = new Date(now.getTime() - (30 - i) * DAY);
    const id = newId();
    await ctx.db.insert(members).values({
      id,
      tenantId,
      userId: person.userId,
      name: person.name,
      status: 'confirmed',
      workUnit: person.workUnit,
      homeUnitId: home.id,
      homeAddress: [home.buildingName, home.entrance, home.room].filter(Boolean).join(' '),
      groupId: groupIds[buildings.findIndex(([b]) => b === home.buildingId) < half ? 0 : 1] ?? null,
      consentAt: registeredAt,
      consentVersion: CONSENT.version,
      showBadge: person.badge,
      registeredAt,
      decidedAt: new Date(registeredAt.getTime() + DAY),
    });
    await ctx.db.insert(memberEvents).values([
      { tenantId, memberId: id, kind: 'registered', actorName: person.name, at: registeredAt },
      {
        tenantId,
        memberId: id,
        kind: 'confirmed',
        actorName: present[0]!.name,
        at: new Date(registeredAt.getTime() + DAY),
      },
    ]);
    if (person.badge) await ctx.profiles.setBadge(person.userId, BADGE);
    memberIds.push(id);
  }
  await demoCommitmentsAndPoints(ctx, memberIds);
}

/**
 * Each member's commitment for the year at a different stage, last week's meeting they all attended and next week's
 * volunteer work, the year's duty list under way, and the points all that earned.
 */
async function demoCommitmentsAndPoints(ctx: Ctx, memberIds: readonly string[]) {
  const now = ctx.now();
  const tenantId = ctx.tenant.id;
  const year = yearOf(now);
  const rules = await ctx.db
    .insert(pointRules)
    .values(DEFAULT_POINT_RULES.map((rule) => ({ ...rule, tenantId })))
    .returning();
  const rule = (name: string) => rules.find((r) => r.name === name)!;
  const stages = [
    { title: '每月走访本楼独居老人', status: 'fulfilled', evidence: '全年走访26次，记录见支部台账' },
    { title: '担任1栋垃圾分类督导员', status: 'claimed', evidence: '周一、周四晚督导，居民分类准确率明显提高' },
    { title: '每季度宣讲一次物业管理条例', status: 'published', evidence: '' },
    { title: '协助调解邻里纠纷', status: 'published', evidence: '' },
  ] as const;
  // Last week's 主题党日, attended by every member (their points below), and next week's volunteer work for everyone.
  const held = new Date(now.getTime() - 7 * DAY);
  const [meeting] = await ctx.db
    .insert(activities)
    .values({
      tenantId,
      kind: 'meeting',
      meetingType: 'assembly',
      title: '11月主题党日：学习物业管理条例',
      body: '集中学习新修订的《重庆市物业管理条例》，讨论如何引领规范成立业主委员会。',
      place: '1栋一楼党群服务站',
      startsAt: held,
      endsAt: new Date(held.getTime() + 2 * 3600_000),
      ruleId: rule('参加组织生活（三会一课）').id,
      status: 'held',
      organiserName: '赵志强',
      attendanceTakenAt: new Date(held.getTime() + 2 * 3600_000),
      createdAt: new Date(held.getTime() - 7 * DAY),
    })
    .returning();
  const next = new Date(now.getTime() + 6 * DAY);
  await ctx.db.insert(activities).values({
    tenantId,
    kind: 'volunteer',
    title: '周末环境整治志愿服务',
    body: '清理楼道堆放杂物、绿化带垃圾，欢迎居民一起参加。工具由物业提供。',
    place: '小区中心广场集合',
    startsAt: next,
    endsAt: new Date(next.getTime() + 3 * 3600_000),
    capacity: 20,
    openToResidents: true,
    ruleId: rule('志愿服务').id,
    status: 'planned',
    organiserName: '赵志强',
    createdAt: now,
  });
  const people = await ctx.db.select().from(members);
  await ctx.db.insert(signups).values(
    people.map((m) => ({
      tenantId,
      activityId: meeting!.id,
      userId: m.userId,
      name: m.name,
      memberId: m.id,
      signedUpAt: new Date(held.getTime() - 3 * DAY),
      attended: true,
    })),
  );
  await ctx.db.insert(duties).values(
    DEFAULT_DUTIES.map((title, position) => ({
      tenantId,
      year,
      title,
      position,
      status: position < 2 ? ('done' as const) : position < 4 ? ('doing' as const) : ('todo' as const),
      evidence:
        position === 0 ? '党员入户走访收集需求63条，已转“码上提”办理' : position === 1 ? '形成小区治理清单12项' : '',
      updatedAt: now,
      updatedByName: '赵志强',
    })),
  );
  for (const [i, memberId] of memberIds.entries()) {
    const stage = stages[i % stages.length]!;
    const [row] = await ctx.db
      .insert(commitments)
      .values({
        tenantId,
        memberId,
        year,
        title: stage.title,
        status: stage.status,
        evidence: stage.evidence,
        publishedAt: new Date(now.getTime() - 25 * DAY),
        claimedAt: stage.status === 'published' ? null : new Date(now.getTime() - 5 * DAY),
        decidedAt: stage.status === 'fulfilled' ? new Date(now.getTime() - 3 * DAY) : null,
      })
      .returning();
    const entry = (name: string, reason: string, daysAgo: number, source: string | null = null) => ({
      tenantId,
      memberId,
      ruleId: rule(name).id,
      year,
      points: rule(name).points,
      reason,
      source,
      awardedByName: '赵志强',
      at: new Date(now.getTime() - daysAgo * DAY),
    });
    const earned = [
      entry('志愿服务', '小区环境整治志愿服务', 12),
      entry('参加组织生活（三会一课）', '11月主题党日', 20),
    ];
    if (stage.status === 'fulfilled') earned.push(entry('践行承诺', stage.title, 3, `commitment:${row!.id}`));
    await ctx.db.insert(points).values(earned);
  }
}

/** The 社区党委 or 街道党工委 of a demo region. */
export async function partyRegionDemo(ctx: RegionContext) {
  if (ctx.region.level === 'district') return;
  const suffix = ctx.region.level === 'street' ? '党工委' : '党委';
  const secretary = ctx.region.level === 'street' ? '王志刚' : '李秀英';
  await ctx.db.insert(committees).values({
    regionId: ctx.region.id,
    level: ctx.region.level,
    name: `${ctx.region.name}${suffix}`,
    secretary,
    phone: ctx.region.level === 'street' ? '023-4128 6000' : '023-4128 6001',
    updatedAt: ctx.now(),
  });
}
