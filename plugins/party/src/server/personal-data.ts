import type { DataSubject, PersonalDataHooks } from '@city/plugin-sdk/server';
import { asc, eq, inArray } from 'drizzle-orm';
import { commitments, groups, leaders, memberEvents, members, officers, points } from '../schema.ts';
import type { Ctx, Settings } from './access.ts';
import { forgetMembership } from './registration.ts';

/**
 * The person's party data here: their registrations with what happened to them, their commitments and points, a
 * committee seat, the groups and places they lead.
 */
async function exportSubject(ctx: Ctx, { userId }: DataSubject) {
  const registrations = await ctx.db
    .select()
    .from(members)
    .where(eq(members.userId, userId))
    .orderBy(asc(members.registeredAt));
  const ids = registrations.map((r) => r.id);
  const history = ids.length
    ? await ctx.db.select().from(memberEvents).where(inArray(memberEvents.memberId, ids)).orderBy(asc(memberEvents.at))
    : [];
  const seat = await ctx.db.select().from(officers).where(eq(officers.userId, userId));
  const places = await ctx.db.select().from(leaders).where(eq(leaders.userId, userId));
  const led = await ctx.db.select({ name: groups.name }).from(groups).where(eq(groups.leaderUserId, userId));
  const promised = ids.length ? await ctx.db.select().from(commitments).where(inArray(commitments.memberId, ids)) : [];
  const earned = ids.length
    ? await ctx.db.select().from(points).where(inArray(points.memberId, ids)).orderBy(asc(points.at))
    : [];
  return {
    在职党员报到: registrations.map((r) => ({
      状态: r.status,
      工作单位: r.workUnit,
      居住房屋: r.homeAddress,
      亮身份: r.showBadge,
      同意时间: r.consentAt.toISOString(),
      同意书版本: r.consentVersion,
      报到时间: r.registeredAt.toISOString(),
      说明: r.endNote,
      经过: history
        .filter((e) => e.memberId === r.id)
        .map((e) => ({ 事项: e.kind, 经办人: e.actorName, 说明: e.note, 时间: e.at.toISOString() })),
    })),
    承诺: promised.map((c) => ({ 年度: c.year, 承诺: c.title, 内容: c.body, 状态: c.status, 践诺情况: c.evidence })),
    积分: earned.map((e) => ({
      年度: e.year,
      分值: e.points,
      事由: e.reason,
      记分人: e.awardedByName,
      时间: e.at.toISOString(),
    })),
    支部委员会: seat.map((s) => ({ 职务: s.position })),
    党小组组长: led.map((g) => g.name),
    楼栋长单元长楼层长: places.map((p) => ({ 类别: p.kind, 单元: p.entrance, 楼层: p.floor, 联系电话: p.phone })),
  };
}

/**
 * Nothing of the person's party membership stays (their commitments and points go with their registrations): the law
 * asks this platform to keep no party record (it is the party's own).
 */
async function eraseSubject(ctx: Ctx, { userId }: DataSubject) {
  await forgetMembership(ctx, userId);
  await ctx.db.delete(leaders).where(eq(leaders.userId, userId));
  await ctx.db.update(groups).set({ leaderUserId: null, leaderName: '' }).where(eq(groups.leaderUserId, userId));
}

export const personalData: PersonalDataHooks<Settings> = { export: exportSubject, erase: eraseSubject };
