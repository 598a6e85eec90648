import type { Schema } from 'hono';
import { isUniqueViolation, json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { newId } from '@city/plugin-sdk/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { BadgeInputSchema, MyRegistrationSchema, RegistrationInputSchema } from '../contracts.ts';
import { members, memberEvents, officers } from '../schema.ts';
import { CONSENT, OPEN_STATUSES } from '../values.ts';
import { BADGE, requireBranch, type Ctx, type Settings } from './access.ts';
import { fail } from './errors.ts';
import { myRegistration } from './overview.ts';

const register = pluginRoute({
  method: 'post',
  path: '/registration',
  access: ['tenant:member'],
  summary: '在职党员报到（单独同意）/ Register as an in-service member (separate consent)',
  request: { body: jsonBody(RegistrationInputSchema) },
  responses: { 201: json(MyRegistrationSchema, 'Registered, waiting for the branch') },
});
const withdraw = pluginRoute({
  method: 'delete',
  path: '/registration',
  access: ['tenant:member'],
  summary: '撤回同意并删除党员信息 / Withdraw consent: everything about my membership is deleted',
  responses: { 204: { description: 'Deleted' } },
});
const badge = pluginRoute({
  method: 'put',
  path: '/registration/badge',
  access: ['tenant:member'],
  summary: '亮身份开关 / Show or hide my identity next to my name',
  request: { body: jsonBody(BadgeInputSchema) },
  responses: { 200: json(MyRegistrationSchema) },
});

const openRegistration = (ctx: Ctx) =>
  ctx.db
    .select()
    .from(members)
    .where(and(eq(members.userId, ctx.actor!.id), inArray(members.status, OPEN_STATUSES)));

/**
 * Everything the plugin keeps about a person's membership here, gone at once: their registrations with their history,
 * their seat on the branch committee, their badge everywhere. For a withdrawn consent and for erasure alike.
 */
export async function forgetMembership(ctx: Ctx, userId: string) {
  await ctx.db.delete(members).where(eq(members.userId, userId));
  await ctx.db.delete(officers).where(eq(officers.userId, userId));
  await ctx.profiles.setBadge(userId, null);
}

export const registrationRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(register, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      await requireBranch(ctx);
      if (input.consentVersion !== CONSENT.version) throw fail('consent_outdated');
      const home = (await ctx.members.homes()).find((h) => h.unitId === input.homeUnitId);
      if (!home) throw fail('not_your_home');
      if ((await openRegistration(ctx)).length) throw fail('already_registered');
      const at = ctx.now();
      const id = newId();
      try {
        await ctx.db.insert(members).values({
          id,
          tenantId: ctx.tenant.id,
          userId: ctx.actor!.id,
          name: ctx.actor!.displayName,
          status: 'pending',
          workUnit: input.workUnit,
          homeUnitId: home.unitId,
          homeAddress: home.address,
          consentAt: at,
          consentVersion: CONSENT.version,
          registeredAt: at,
        });
      } catch (error) {
        // Two registrations at once: the unique index keeps one.
        if (isUniqueViolation(error)) throw fail('already_registered');
        throw error;
      }
      await ctx.db
        .insert(memberEvents)
        .values({ tenantId: ctx.tenant.id, memberId: id, kind: 'registered', actorName: ctx.actor!.displayName, at });
      return c.json((await myRegistration(ctx))!, 201);
    })
    .openapi(withdraw, async (c) => {
      const ctx = c.get('plugin');
      const [any] = await ctx.db.select({ id: members.id }).from(members).where(eq(members.userId, ctx.actor!.id));
      if (!any) throw fail('not_registered');
      await forgetMembership(ctx, ctx.actor!.id);
      // The trail says that consent was withdrawn, and nothing of what it was about.
      await ctx.audit.append({ action: 'consent_withdrawn', targetType: 'user', targetId: ctx.actor!.id });
      return c.body(null, 204);
    })
    .openapi(badge, async (c) => {
      const ctx = c.get('plugin');
      const { show } = c.req.valid('json');
      const [open] = await openRegistration(ctx);
      if (!open) throw fail('not_registered');
      if (open.status !== 'confirmed') throw fail('not_confirmed');
      await ctx.db.update(members).set({ showBadge: show }).where(eq(members.id, open.id));
      await ctx.profiles.setBadge(ctx.actor!.id, show ? BADGE : null);
      return c.json((await myRegistration(ctx))!, 200);
    });
