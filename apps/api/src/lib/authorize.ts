import type { Grant, OrganisationRole, TenantRole } from '@city/contracts';
import { AppError } from '@city/core';
import { withTenantAs } from '@city/db';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { dispatchAfterCommit } from '../plugin-runtime/dispatch-after-commit.ts';

/**
 * Enforces a route's grants (default deny: no grant admits nobody). Tenant grants resolve `:tenant`, open the
 * request's tenant transaction and run the rest of the request inside it, so handlers share one transaction and a
 * thrown error rolls back everything the request wrote. Non-members get 404: another neighbourhood's existence is
 * not revealed; members without the role get 403. Organisation grants work alike on `:organisation` (no transaction:
 * organisations are platform data).
 */
export function authorize(grants: readonly Grant[]) {
  const tenantRoles = grants
    .filter((g): g is `tenant:${TenantRole | 'member' | 'visitor'}` => g.startsWith('tenant:'))
    .map((g) => g.slice('tenant:'.length) as TenantRole | 'member' | 'visitor');
  const visitors = tenantRoles.includes('visitor');
  const organisationRoles = grants
    .filter((g) => g.startsWith('org:'))
    .map((g) => g.slice('org:'.length) as OrganisationRole | 'member');

  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('grants', grants);
    if (grants.includes('public')) return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated');
    if (grants.includes('user')) return next();
    if (grants.includes('operator') && actor.isPlatformOperator) return next();
    if (grants.includes('region-staff') && (await c.get('services').regions.staffRegions(actor.id)).length) {
      return next();
    }
    if (organisationRoles.length) {
      const organisationId = c.req.param('organisation') ?? '';
      const staff = await c.get('services').organisations.staffMember(organisationId, actor.id);
      if (!staff) throw new AppError('not_found');
      if (!organisationRoles.includes('member') && !organisationRoles.includes(staff.role))
        throw new AppError('forbidden');
      c.set('organisation', { id: organisationId, role: staff.role });
      return next();
    }
    if (!tenantRoles.length) throw new AppError('forbidden');

    const tenant = await c.get('services').tenants.bySlug(c.req.param('tenant') ?? '');
    if (!tenant || tenant.status !== 'active') throw new AppError('not_found');
    await withTenantAs(c.get('services').db, tenant.id, actor.id, async (tx, membership) => {
      if (!membership && !visitors) throw new AppError('not_found');
      // A visitor route sees a visitor as a member without roles.
      const member = { id: membership?.id ?? null, roles: (membership?.roles ?? []) as TenantRole[] };
      if (!visitors && !tenantRoles.includes('member') && !member.roles.some((r) => tenantRoles.includes(r))) {
        throw new AppError('forbidden');
      }
      c.set('tenant', { id: tenant.id, slug: tenant.slug, name: tenant.name });
      c.set('member', member);
      c.set('tx', tx);
      await next();
      // Hono catches handler errors before they reach middleware; rethrow so the transaction rolls back.
      if (c.error) throw c.error;
    });
    dispatchAfterCommit(c, c.get('services').pluginRuntime.dispatcher, tenant.id);
  });
}
