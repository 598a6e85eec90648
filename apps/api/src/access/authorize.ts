import type { Grant, TenantRole } from '@city/contracts';
import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Membership } from '@city/db';
import type { AppEnv } from '../env.ts';
import { callerOutside, requireAccess } from './caller.ts';
import { factsNeeded, isTenantGrant, refusal, type Caller } from './decide.ts';
import { enterTenant } from './enter-tenant.ts';

/**
 * A core route's access check, from its grants. Tenant grants enter the route's neighbourhood first — the rest of
 * the request then runs in its transaction — unless a grant outside it (operator, region staff) already admits the
 * caller; a visitor route sees a non-member as a member without roles. A route that only members reach enters with
 * the session not yet checked, which is read with the membership in the same round trip.
 */
export function authorize(grants: readonly Grant[]) {
  const needs = factsNeeded(grants);
  const outside = grants.filter((g) => !isTenantGrant(g));
  const admit = async (c: Context<AppEnv>, caller: Caller, membership: Membership | undefined, next: Next) => {
    const roles = (membership?.roles ?? []) as TenantRole[];
    requireAccess(grants, { ...caller, member: membership ? { roles, pluginRoles: [] } : null });
    c.set('member', { id: membership?.id ?? null, roles });
    await next();
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    const credential = c.get('credential');
    if (needs.tenant && outside.length === 0 && credential) {
      await enterTenant(c, { as: 'session', credential }, async ({ membership }) =>
        admit(c, await callerOutside(c, grants), membership, next),
      );
      return;
    }
    const caller = await callerOutside(c, grants);
    const actor = c.get('actor');
    if (!needs.tenant || !actor || refusal(outside, caller) === null) {
      requireAccess(grants, caller);
      return next();
    }
    await enterTenant(c, { as: 'person', actor }, ({ membership }) => admit(c, caller, membership, next));
  });
}
