import type { Grant, OrganisationRole } from '@city/contracts';

/** What is known of the caller when a route's grants are weighed; only the facts its grants ask about are looked up. */
export interface Caller {
  signedIn: boolean;
  operator: boolean;
  /** On the staff of some 街道/社区 (their routes narrow to the caller's own branch themselves). */
  regionStaff: boolean;
  /** The caller's role in the route's organisation; null when not on its staff. */
  organisationRole: OrganisationRole | null;
  /** On the staff of the route's region (`:region`) or of a region above it. */
  regionStaffHere: boolean;
  /** The caller in the route's neighbourhood; null when not a member. Plugin roles are `<pluginId>.<role>`. */
  member: { roles: readonly string[]; pluginRoles: readonly string[] } | null;
}

/** Why a caller is turned away: 401, 404 (a neighbourhood, organisation or region they are not in is hidden), 403. */
export type Refusal = 'unauthenticated' | 'not_found' | 'forbidden';

/** A grant that admits by what the caller is inside the route's neighbourhood. */
export const isTenantGrant = (grant: Grant) => grant.startsWith('tenant:') || grant.startsWith('plugin-role:');

/** Which facts a route's grants need, so an access check looks up nothing else. */
export function factsNeeded(grants: readonly Grant[]) {
  return {
    regionStaff: grants.includes('region-staff'),
    organisation: grants.some((g) => g.startsWith('org:')),
    region: grants.includes('region:staff'),
    tenant: grants.some(isTenantGrant),
    visitor: grants.includes('tenant:visitor'),
  };
}

/**
 * The one access check (default deny), for core routes, plugin routes and organisation routes alike: null admits the
 * caller, a refusal says how to turn them away. The grants are read in a fixed order — anyone, any signed-in person,
 * operators, region staff, an organisation's staff, a region's staff, a neighbourhood's members — and the first that
 * admits wins.
 */
export function refusal(grants: readonly Grant[], caller: Caller): Refusal | null {
  if (grants.includes('public')) return null;
  if (!caller.signedIn) return 'unauthenticated';
  if (grants.includes('user')) return null;
  if (grants.includes('operator') && caller.operator) return null;
  if (grants.includes('region-staff') && caller.regionStaff) return null;
  const needs = factsNeeded(grants);
  if (needs.organisation) {
    const role = caller.organisationRole;
    if (role === null) return 'not_found';
    return grants.includes('org:member') || grants.includes(`org:${role}`) ? null : 'forbidden';
  }
  if (needs.region) return caller.regionStaffHere ? null : 'not_found';
  if (needs.tenant) {
    if (needs.visitor) return null;
    const member = caller.member;
    if (member === null) return 'not_found';
    if (grants.includes('tenant:member')) return null;
    const held = [...member.roles.map((r) => `tenant:${r}`), ...member.pluginRoles.map((r) => `plugin-role:${r}`)];
    return grants.some((g) => held.includes(g)) ? null : 'forbidden';
  }
  return 'forbidden';
}
