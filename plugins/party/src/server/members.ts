import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { DecisionInputSchema, MemberGroupInputSchema, MemberListSchema, MemberSchema } from '../contracts.ts';
import { groups, memberEvents, members } from '../schema.ts';
import { MEMBER_STATUSES, type MemberEventKind } from '../values.ts';
import { BRANCH, type Ctx, type Settings } from './access.ts';
import { fail } from './errors.ts';

const memberParams = z.object({ partyMemberId: z.uuid({ error: 'invalid_format' }) });

const list = pluginRoute({
  method: 'get',
  path: '/branch/members',
  access: BRANCH,
  summary: '党员名单（每次查看都记入审计）/ The members (every read is audited)',
  request: { query: z.object({ status: z.enum(MEMBER_STATUSES).optional() }) },
  responses: { 200: json(MemberListSchema) },
});
const decide = pluginRoute({
  method: 'post',
  path: '/branch/members/{partyMemberId}/decision',
  access: BRANCH,
  summary: '确认、退回、转出或除名 / Confirm, decline, transfer out or remove',
  request: { params: memberParams, body: jsonBody(DecisionInputSchema) },
  responses: { 200: json(MemberSchema) },
});
const regroup = pluginRoute({
  method: 'put',
  path: '/branch/members/{partyMemberId}/group',
  access: BRANCH,
  summary: '编入党小组 / Place a member in a party group',
  request: { params: memberParams, body: jsonBody(MemberGroupInputSchema) },
  responses: { 200: json(MemberSchema) },
});

async function memberViews(ctx: Ctx, rows: Array<typeof members.$inferSelect>) {
  const ids = rows.map((r) => r.id);
  const events = ids.length
    ? await ctx.db.select().from(memberEvents).where(inArray(memberEvents.memberId, ids)).orderBy(asc(memberEvents.at))
    : [];
  const groupName = new Map(
    (await ctx.db.select({ id: groups.id, name: groups.name }).from(groups)).map((g) => [g.id, g.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    name: r.name,
    status: r.status,
    workUnit: r.workUnit,
    homeAddress: r.homeAddress,
    groupId: r.groupId,
    groupName: r.groupId ? (groupName.get(r.groupId) ?? null) : null,
    showBadge: r.showBadge,
    consentAt: r.consentAt.toISOString(),
    registeredAt: r.registeredAt.toISOString(),
    events: events
      .filter((e) => e.memberId === r.id)
      .map((e) => ({ kind: e.kind, actorName: e.actorName, note: e.note, at: e.at.toISOString() })),
  }));
}

async function loadMember(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(members).where(eq(members.id, id));
  if (!row) throw fail('member_missing');
  return row;
}

async function requireGroup(ctx: Ctx, groupId: string | null) {
  if (!groupId) return;
  const [found] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
  if (!found) throw fail('group_missing');
}

async function record(ctx: Ctx, memberId: string, kind: MemberEventKind, note = '') {
  await ctx.db
    .insert(memberEvents)
    .values({ tenantId: ctx.tenant.id, memberId, kind, actorName: ctx.actor!.displayName, note, at: ctx.now() });
  await ctx.audit.append({ action: `member_${kind}`, targetType: 'party_member', targetId: memberId });
}

const ENDED = { decline: 'declined', transfer: 'transferred', remove: 'removed' } as const;

export const memberRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const { status } = c.req.valid('query');
      const rows = await ctx.db
        .select()
        .from(members)
        .where(status ? eq(members.status, status) : undefined)
        .orderBy(desc(members.registeredAt));
      // Party membership is sensitive (PIPL art. 28): each read of the list is on the record, with how much it showed.
      await ctx.audit.append({
        action: 'members_read',
        targetType: 'party_branch',
        targetId: ctx.tenant.id,
        details: { status: status ?? 'all', shown: rows.length },
      });
      const groupList = await ctx.db
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .orderBy(asc(groups.name));
      return c.json({ items: await memberViews(ctx, rows), groups: groupList }, 200);
    })
    .openapi(decide, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      const member = await loadMember(ctx, c.req.valid('param').partyMemberId);
      const at = ctx.now();
      if (input.action === 'confirm') {
        if (member.status !== 'pending') throw fail('member_decided');
        await requireGroup(ctx, input.groupId);
        await ctx.db
          .update(members)
          .set({ status: 'confirmed', decidedAt: at, groupId: input.groupId })
          .where(eq(members.id, member.id));
        await record(ctx, member.id, 'confirmed');
      } else {
        // Only a waiting registration is declined; only a confirmed member is transferred out or removed.
        const from = input.action === 'decline' ? 'pending' : 'confirmed';
        if (member.status !== from) throw fail('member_decided');
        const status = ENDED[input.action];
        await ctx.db
          .update(members)
          .set({ status, decidedAt: at, endNote: input.note, showBadge: false })
          .where(eq(members.id, member.id));
        await record(ctx, member.id, status, input.note);
        if (member.showBadge) await ctx.profiles.setBadge(member.userId, null);
      }
      return c.json((await memberViews(ctx, [await loadMember(ctx, member.id)]))[0]!, 200);
    })
    .openapi(regroup, async (c) => {
      const ctx = c.get('plugin');
      const { groupId } = c.req.valid('json');
      const member = await loadMember(ctx, c.req.valid('param').partyMemberId);
      if (member.status !== 'confirmed') throw fail('member_decided');
      await requireGroup(ctx, groupId);
      await ctx.db.update(members).set({ groupId }).where(eq(members.id, member.id));
      await record(ctx, member.id, 'grouped');
      return c.json((await memberViews(ctx, [await loadMember(ctx, member.id)]))[0]!, 200);
    });
