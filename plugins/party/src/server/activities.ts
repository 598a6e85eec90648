import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { and, asc, count, desc, eq, gte, inArray } from 'drizzle-orm';
import { ActivityDetailSchema, ActivityInputSchema, ActivitySchema, AttendanceInputSchema } from '../contracts.ts';
import { activities, members, pointRules, signups } from '../schema.ts';
import { BRANCH, runsBranch, type Ctx, type Settings } from './access.ts';
import { fail } from './errors.ts';
import { award, triggeredRule } from './ledger.ts';
import { addPhoto, photoBody, photoIdsOf } from './photos.ts';

const activityParams = z.object({ activityId: z.uuid({ error: 'invalid_format' }) });
const DAY = 24 * 60 * 60 * 1000;

const list = pluginRoute({
  method: 'get',
  path: '/activities',
  access: ['tenant:member'],
  summary: '党建活动（三会一课、志愿服务、宣传）/ Activities: meetings, volunteer work, publicity',
  responses: { 200: json(z.object({ items: z.array(ActivitySchema) })) },
});
const show = pluginRoute({
  method: 'get',
  path: '/activities/{activityId}',
  access: ['tenant:member'],
  summary: '活动详情 / An activity',
  request: { params: activityParams },
  responses: { 200: json(ActivityDetailSchema) },
});
const signUp = pluginRoute({
  method: 'post',
  path: '/activities/{activityId}/signup',
  access: ['tenant:member'],
  summary: '报名 / Sign up',
  request: { params: activityParams },
  responses: { 200: json(ActivityDetailSchema) },
});
const withdraw = pluginRoute({
  method: 'delete',
  path: '/activities/{activityId}/signup',
  access: ['tenant:member'],
  summary: '取消报名 / Cancel my sign-up',
  request: { params: activityParams },
  responses: { 200: json(ActivityDetailSchema) },
});
const create = pluginRoute({
  method: 'post',
  path: '/branch/activities',
  access: BRANCH,
  summary: '发起活动 / Plan an activity',
  request: { body: jsonBody(ActivityInputSchema) },
  responses: { 201: json(ActivityDetailSchema, 'Planned') },
});
const cancel = pluginRoute({
  method: 'post',
  path: '/branch/activities/{activityId}/cancellation',
  access: BRANCH,
  summary: '取消活动 / Cancel an activity',
  request: { params: activityParams },
  responses: { 200: json(ActivityDetailSchema) },
});
const attendance = pluginRoute({
  method: 'post',
  path: '/branch/activities/{activityId}/attendance',
  access: BRANCH,
  summary: '签到（出席的党员按积分规则记分）/ Take attendance (members present earn the scheme’s points)',
  request: { params: activityParams, body: jsonBody(AttendanceInputSchema) },
  responses: { 200: json(ActivityDetailSchema) },
});
const addActivityPhoto = pluginRoute({
  method: 'post',
  path: '/branch/activities/{activityId}/photos',
  access: BRANCH,
  summary: '活动照片（活动开始后，≤1 MB，最多 6 张）/ A photo of the activity (once it started; 1 MB, six at most)',
  request: { params: activityParams, body: photoBody },
  responses: { 201: json(z.object({ id: z.uuid() }), 'Uploaded') },
});

/** The caller's confirmed registration with the branch, if any. */
async function confirmedSelf(ctx: Ctx) {
  const [member] = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.userId, ctx.actor!.id), eq(members.status, 'confirmed')));
  return member ?? null;
}

/** Party members and the branch see every activity; other residents those opened to them. */
async function mayJoin(ctx: Ctx) {
  return runsBranch(ctx) || (await confirmedSelf(ctx)) !== null;
}

async function views(ctx: Ctx, rows: Array<typeof activities.$inferSelect>) {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await ctx.db
        .select({ id: signups.activityId, attended: signups.attended, n: count() })
        .from(signups)
        .where(inArray(signups.activityId, ids))
        .groupBy(signups.activityId, signups.attended)
    : [];
  const mine = ids.length
    ? new Set(
        (
          await ctx.db
            .select({ id: signups.activityId })
            .from(signups)
            .where(and(inArray(signups.activityId, ids), eq(signups.userId, ctx.actor!.id)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const ruleNames = new Map(
    (await ctx.db.select({ id: pointRules.id, name: pointRules.name }).from(pointRules)).map((r) => [r.id, r.name]),
  );
  const photosOf = await photoIdsOf(ctx, 'activity', ids);
  const member = await mayJoin(ctx);
  const now = ctx.now().getTime();
  return rows.map((r) => {
    const own = counts.filter((c) => c.id === r.id);
    const signedUp = own.reduce((sum, c) => sum + c.n, 0);
    return {
      id: r.id,
      kind: r.kind,
      meetingType: r.meetingType,
      title: r.title,
      body: r.body,
      place: r.place,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      capacity: r.capacity,
      openToResidents: r.openToResidents,
      ruleId: r.ruleId,
      ruleName: r.ruleId ? (ruleNames.get(r.ruleId) ?? null) : null,
      status: r.status,
      organiserName: r.organiserName,
      signedUp,
      attended: r.attendanceTakenAt ? own.filter((c) => c.attended).reduce((sum, c) => sum + c.n, 0) : null,
      mine: mine.has(r.id),
      canSignUp:
        r.status === 'planned' &&
        r.startsAt.getTime() > now &&
        !mine.has(r.id) &&
        (member || r.openToResidents) &&
        (r.capacity === null || signedUp < r.capacity),
      photoIds: photosOf(r.id),
    };
  });
}

/** An activity the caller may see, or 404 (a members-only activity does not exist for other residents). */
async function visible(ctx: Ctx, id: string, lock = false) {
  const query = ctx.db.select().from(activities).where(eq(activities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !(row.openToResidents || (await mayJoin(ctx)))) throw fail('activity_missing');
  return row;
}

async function detail(ctx: Ctx, id: string) {
  const row = await visible(ctx, id);
  const [view] = await views(ctx, [row]);
  const branch = runsBranch(ctx);
  const people = branch
    ? await ctx.db.select().from(signups).where(eq(signups.activityId, id)).orderBy(asc(signups.signedUpAt))
    : [];
  const signedUp = new Set(people.map((p) => p.userId));
  const confirmed =
    branch && !row.attendanceTakenAt
      ? await ctx.db
          .select({ userId: members.userId, name: members.name })
          .from(members)
          .where(eq(members.status, 'confirmed'))
          .orderBy(asc(members.name))
      : [];
  return {
    ...view!,
    signups: people.map((p) => ({
      userId: p.userId,
      name: p.name,
      partyMember: p.memberId !== null,
      attended: p.attended,
    })),
    candidates: confirmed.filter((m) => !signedUp.has(m.userId)),
  };
}

export const activityPhotoReader = async (ctx: Ctx, activityId: string) => {
  const [row] = await ctx.db
    .select({ open: activities.openToResidents })
    .from(activities)
    .where(eq(activities.id, activityId));
  return !!row && (row.open || (await mayJoin(ctx)));
};

export const activityRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      // What is coming and what happened in the last 90 days: a phone's worth, newest plans first.
      const since = new Date(ctx.now().getTime() - 90 * DAY);
      const rows = await ctx.db
        .select()
        .from(activities)
        .where(
          and(gte(activities.endsAt, since), (await mayJoin(ctx)) ? undefined : eq(activities.openToResidents, true)),
        )
        .orderBy(desc(activities.startsAt))
        .limit(100);
      return c.json({ items: await views(ctx, rows) }, 200);
    })
    .openapi(show, async (c) => c.json(await detail(c.get('plugin'), c.req.valid('param').activityId), 200))
    .openapi(signUp, async (c) => {
      const ctx = c.get('plugin');
      const { activityId } = c.req.valid('param');
      // The row lock serialises sign-ups for one activity, so the last seat is given once.
      const row = await visible(ctx, activityId, true);
      if (row.status !== 'planned' || row.startsAt <= ctx.now()) throw fail('activity_closed');
      const self = await confirmedSelf(ctx);
      if (!row.openToResidents && !self && !runsBranch(ctx)) throw fail('activity_not_open');
      if (row.capacity !== null) {
        const [{ n }] = (await ctx.db.select({ n: count() }).from(signups).where(eq(signups.activityId, row.id))) as [
          { n: number },
        ];
        if (n >= row.capacity) throw fail('activity_full');
      }
      await ctx.db
        .insert(signups)
        .values({
          tenantId: ctx.tenant.id,
          activityId: row.id,
          userId: ctx.actor!.id,
          name: ctx.actor!.displayName,
          memberId: self?.id ?? null,
          signedUpAt: ctx.now(),
        })
        .onConflictDoNothing();
      return c.json(await detail(ctx, row.id), 200);
    })
    .openapi(withdraw, async (c) => {
      const ctx = c.get('plugin');
      const row = await visible(ctx, c.req.valid('param').activityId);
      if (row.status !== 'planned' || row.startsAt <= ctx.now()) throw fail('activity_closed');
      const removed = await ctx.db
        .delete(signups)
        .where(and(eq(signups.activityId, row.id), eq(signups.userId, ctx.actor!.id)))
        .returning({ id: signups.userId });
      if (!removed.length) throw fail('not_signed_up');
      return c.json(await detail(ctx, row.id), 200);
    })
    .openapi(create, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      let ruleId = input.ruleId ?? null;
      if (input.ruleId === undefined && input.kind === 'meeting')
        ruleId = (await triggeredRule(ctx, 'attendance'))?.id ?? null;
      if (ruleId) {
        const [rule] = await ctx.db
          .select()
          .from(pointRules)
          .where(and(eq(pointRules.id, ruleId), eq(pointRules.active, true)));
        if (!rule) throw fail('rule_missing');
      }
      const [row] = await ctx.db
        .insert(activities)
        .values({
          tenantId: ctx.tenant.id,
          ...input,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          ruleId,
          status: 'planned',
          organiserName: ctx.actor!.displayName,
          createdAt: ctx.now(),
        })
        .returning({ id: activities.id });
      await ctx.audit.append({
        action: 'activity_planned',
        targetType: 'party_activity',
        targetId: row!.id,
        details: { title: input.title },
      });
      return c.json(await detail(ctx, row!.id), 201);
    })
    .openapi(cancel, async (c) => {
      const ctx = c.get('plugin');
      const row = await visible(ctx, c.req.valid('param').activityId, true);
      if (row.status !== 'planned') throw fail('activity_closed');
      await ctx.db.update(activities).set({ status: 'cancelled' }).where(eq(activities.id, row.id));
      await ctx.audit.append({ action: 'activity_cancelled', targetType: 'party_activity', targetId: row.id });
      return c.json(await detail(ctx, row.id), 200);
    })
    .openapi(attendance, async (c) => {
      const ctx = c.get('plugin');
      const row = await visible(ctx, c.req.valid('param').activityId, true);
      if (row.status === 'cancelled') throw fail('activity_closed');
      if (row.attendanceTakenAt) throw fail('attendance_taken');
      if (row.startsAt > ctx.now()) throw fail('attendance_early');
      const present = new Set(c.req.valid('json').present);
      const signed = await ctx.db.select().from(signups).where(eq(signups.activityId, row.id));
      const signedIds = new Set(signed.map((s) => s.userId));
      // Members of the branch who came without signing up are added to the list as they are marked present.
      const walkIns = [...present].filter((id) => !signedIds.has(id));
      const walkInMembers = walkIns.length
        ? await ctx.db
            .select()
            .from(members)
            .where(and(inArray(members.userId, walkIns), eq(members.status, 'confirmed')))
        : [];
      if (walkInMembers.length !== walkIns.length) throw fail('not_attendee');
      if (walkInMembers.length) {
        await ctx.db.insert(signups).values(
          walkInMembers.map((m) => ({
            tenantId: ctx.tenant.id,
            activityId: row.id,
            userId: m.userId,
            name: m.name,
            memberId: m.id,
            signedUpAt: ctx.now(),
          })),
        );
      }
      await ctx.db.update(signups).set({ attended: false }).where(eq(signups.activityId, row.id));
      if (present.size)
        await ctx.db
          .update(signups)
          .set({ attended: true })
          .where(and(eq(signups.activityId, row.id), inArray(signups.userId, [...present])));
      await ctx.db
        .update(activities)
        .set({ status: 'held', attendanceTakenAt: ctx.now() })
        .where(eq(activities.id, row.id));
      const [rule] = row.ruleId ? await ctx.db.select().from(pointRules).where(eq(pointRules.id, row.ruleId)) : [];
      if (rule?.active) {
        const attendees = await ctx.db
          .select({ memberId: members.id })
          .from(signups)
          .innerJoin(members, eq(members.userId, signups.userId))
          .where(and(eq(signups.activityId, row.id), eq(signups.attended, true), eq(members.status, 'confirmed')));
        for (const { memberId } of attendees)
          await award(ctx, { memberId, rule, reason: row.title, source: `activity:${row.id}`, whenRoom: true });
      }
      await ctx.audit.append({
        action: 'attendance_taken',
        targetType: 'party_activity',
        targetId: row.id,
        details: { present: present.size, of: signed.length + walkInMembers.length },
      });
      return c.json(await detail(ctx, row.id), 200);
    })
    .openapi(addActivityPhoto, async (c) => {
      const ctx = c.get('plugin');
      const row = await visible(ctx, c.req.valid('param').activityId);
      if (row.status === 'cancelled' || row.startsAt > ctx.now()) throw fail('activity_closed');
      const id = await addPhoto(ctx, 'activity', row.id, await c.req.arrayBuffer());
      return c.json({ id }, 201);
    });
