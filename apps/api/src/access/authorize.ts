import type { Grant, TenantRole } from '@city/contracts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { callerOutside, requireAccess } from './caller.ts';
import { factsNeeded, isTenantGrant, refusal } from './decide.ts';
import { enterTenant } from './enter-tenant.ts';

/**
 * A core route's access check, from its grants. Tenant grants enter the route's neighbourhood first — the rest of
 * the request then runs in its transaction — unless a grant outside it (operator, region staff) already admits the
 * caller; a visitor route sees a non-member as a member without roles.
 */
export function authorize(grants: readonly Grant[]) {
  const needs = factsNeeded(grants);
  const outside = grants.filter((g) => !isTenantGrant(g));
  return createMiddleware<AppEnv>(async (c, next) => {
    const caller = await callerOutside(c, grants);
    const actor = c.get('actor');
    if (!needs.tenant || !actor || refusal(outside, caller) === null) {
      requireAccess(grants, caller);
      return next();
    }
    await enterTenant(c, { as: 'person', actor }, async ({ membership }) => {
      const roles = (membership?.roles ?? []) as TenantRole[];
      requireAccess(grants, { ...caller, member: membership ? { roles, pluginRoles: [] } : null });
      c.set('member', { id: membership?.id ?? null, roles });
      await next();
    });
  });
}
