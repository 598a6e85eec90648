import type { Grant } from '@city/contracts';
import { AppError } from '@city/core';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { settleActor } from '../lib/session.ts';
import { factsNeeded, refusal, type Caller } from './decide.ts';

/**
 * What the caller is outside any neighbourhood, as far as the route's grants ask: signed in, an operator, region
 * staff, on the staff of the route's organisation (`:organisation`, which is then set on the request), on the staff of
 * the route's region or one above it (`:region`, then set as `staffRegion`). Lookups are made only for grants that
 * need them, and region staff only when the operator grant has not already admitted.
 */
export async function callerOutside<E extends AppEnv>(context: Context<E>, grants: readonly Grant[]): Promise<Caller> {
  const c = context as unknown as Context<AppEnv>;
  const actor = await settleActor(c);
  const caller: Caller = {
    signedIn: actor !== null,
    operator: actor?.isPlatformOperator ?? false,
    regionStaff: false,
    organisationRole: null,
    regionStaffHere: false,
    member: null,
  };
  if (!actor || grants.includes('public') || grants.includes('user')) return caller;
  const needs = factsNeeded(grants);
  const services = c.get('services');
  if (needs.regionStaff && !(grants.includes('operator') && caller.operator)) {
    caller.regionStaff = (await services.regions.staffRegions(actor.id)).length > 0;
  }
  if (needs.organisation) {
    const organisationId = c.req.param('organisation') ?? '';
    const staff = await services.organisations.staffMember(organisationId, actor.id);
    if (staff) {
      caller.organisationRole = staff.role;
      c.set('organisation', { id: organisationId, role: staff.role, name: staff.name });
    }
  }
  if (needs.region) {
    const region = await services.regions.staffedRegion(c.req.param('region') ?? '', actor.id);
    if (region) {
      caller.regionStaffHere = true;
      c.set('staffRegion', region);
    }
  }
  return caller;
}

/** Turns the caller away as the grants say (401, 404 or 403), or lets them through. */
export function requireAccess(grants: readonly Grant[], caller: Caller) {
  const refused = refusal(grants, caller);
  if (refused) throw new AppError(refused);
}
