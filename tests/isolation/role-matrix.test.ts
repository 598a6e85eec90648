import type { Grant } from '@city/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, buildWorld, PERSONAS, type Persona } from '@city/testing';
import { votingManifest } from '../../plugins/voting/src/manifest.ts';
import { votingPlugin } from '../../plugins/voting/src/server/index.ts';
import { servicesManifest } from '../../plugins/services/src/manifest.ts';
import { servicesPlugin } from '../../plugins/services/src/server/index.ts';
import { partyManifest } from '../../plugins/party/src/manifest.ts';
import { partyPlugin } from '../../plugins/party/src/server/index.ts';
import { fixturePlugin, FIXTURE_SCOPES } from '../fixtures/fixture-plugin/src/server/index.ts';
import {
  fill,
  isOrganisationScoped,
  isRegionScoped,
  isTenantScoped,
  operations,
  type Operation,
} from './openapi-walk.ts';

/**
 * Every route × every persona. Requests carry deliberately invalid input: authorization runs before validation,
 * so a caller the route admits gets past it (a 400 or a 2xx, never 401/403), a caller it does not admit is
 * stopped first (401 anonymous; 403, or 404 for a neighbourhood they are not in). Nothing is changed on the way.
 * The app is built while the file is collected, so each route is a test of its own (the walk grows with every route,
 * and no single test's time limit has to hold all of it).
 */

/** Plugin roles given in tenant A: the committee member keeps the fixture plugin's notes and runs the party branch. */
const pluginRolesInA: Partial<Record<Persona, string[]>> = { committeeA: ['fixture.note-keeper', 'party.branch'] };

const h = await createTestApp({ plugins: [fixturePlugin(), votingPlugin, servicesPlugin, partyPlugin] });
const world = await buildWorld(h);
const admin = { token: world.tokens.adminA };
await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/fixture/install`, {
  ...admin,
  json: { grantedScopes: FIXTURE_SCOPES },
});
await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/voting/install`, {
  ...admin,
  json: { grantedScopes: votingManifest.scopes },
});
await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/services/install`, {
  ...admin,
  json: { grantedScopes: servicesManifest.scopes },
});
await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/party/install`, {
  ...admin,
  json: { grantedScopes: partyManifest.scopes },
});
await h.call('PUT', `/api/v1/t/${world.tenantA.slug}/plugins/fixture/roles/${world.members.committeeA}`, {
  ...admin,
  json: { roles: ['note-keeper'] },
});
await h.call('PUT', `/api/v1/t/${world.tenantA.slug}/plugins/party/roles/${world.members.committeeA}`, {
  ...admin,
  json: { roles: ['branch'] },
});
// A sitting committee term in A: the upload of its papers looks it up first, and a 404 would read as a refusal.
await h.call('POST', `/api/v1/t/${world.tenantA.slug}/governance/terms`, {
  ...admin,
  json: { electedOn: '2026-01-01', startsOn: '2026-01-01', endsOn: '2030-12-31', seats: 5 },
});
const ops: Operation[] = await operations(h);
afterAll(() => h.close());

const KNOWN_GRANTS = new Set([
  'public',
  'user',
  'operator',
  'region-staff',
  'tenant:member',
  'tenant:admin',
  'tenant:staff',
  'tenant:committee',
  'tenant:resident',
  'tenant:visitor',
  'region:staff',
]);
const isKnownGrant = (grant: string) =>
  KNOWN_GRANTS.has(grant) ||
  /^org:(member|owner|manager|staff)$/.test(grant) ||
  /^plugin-role:[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(grant);

function admits(persona: Persona, grants: Grant[]): boolean {
  if (grants.includes('public')) return true;
  if (persona === 'anonymous') return false;
  if (grants.includes('user') || grants.includes('tenant:visitor')) return true;
  if (grants.includes('operator') && persona === 'operator') return true;
  if (grants.includes('region-staff') && ['communityStaffA', 'streetStaffA', 'otherBranchStaff'].includes(persona))
    return true;
  // {region} is community A: its own staff and the staff of street A above it.
  if (grants.includes('region:staff') && ['communityStaffA', 'streetStaffA'].includes(persona)) return true;
  const organisationRole = world.rolesInOrganisation[persona];
  if (grants.some((g) => g === 'org:member' || g === `org:${organisationRole}`) && organisationRole) return true;
  const roles = world.rolesInA[persona] ?? [];
  const pluginRoles = pluginRolesInA[persona] ?? [];
  return grants.some((g) =>
    g === 'tenant:member'
      ? roles.length > 0
      : g.startsWith('plugin-role:')
        ? pluginRoles.includes(g.slice('plugin-role:'.length))
        : g.startsWith('tenant:') && roles.includes(g.slice(7) as never),
  );
}

/** Routes inside a neighbourhood, an organisation or a region answer 404 to outsiders: existence is not revealed. */
const isMembershipScoped = (op: Operation) => isTenantScoped(op) || isOrganisationScoped(op) || isRegionScoped(op);

describe('role × route matrix', () => {
  it('every operation declares known grants; none is open by omission', () => {
    expect(ops.length).toBeGreaterThan(20);
    // Organisation routes of the core and of plugins (a vendor's) are walked too.
    expect(ops.filter(isOrganisationScoped).map((op) => op.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/organisations/{organisation}/staff',
        '/api/v1/o/{organisation}/p/services/orders/{orderId}/transition',
      ]),
    );
    // …and region routes, of the core and of plugins.
    expect(ops.filter(isRegionScoped).map((op) => op.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/supervision/regions/{region}',
        '/api/v1/r/{region}/p/fixture/region-notes/{regionNoteId}',
        '/api/v1/r/{region}/p/party/overview',
      ]),
    );
    for (const op of ops) {
      expect(op.access.length, `${op.method} ${op.path} declares no grants`).toBeGreaterThan(0);
      for (const grant of op.access) expect(isKnownGrant(grant), `${op.method} ${op.path}: ${grant}`).toBe(true);
    }
  });

  it('every route the app serves is in the OpenAPI document (so none escapes the matrix)', () => {
    const documented = new Set(ops.map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !['GET /api/v1/openapi.json', 'GET /api/v1/docs'].includes(r));
    for (const route of new Set(served))
      expect(documented.has(route), `${route} is served but not documented`).toBe(true);
  });

  for (const op of ops)
    it(`admits exactly the declared callers of ${op.method} ${op.path}`, async () => {
      const failures: string[] = [];
      const query = op.queryParams.length ? '?' + op.queryParams.map((q) => `${q}=!invalid!`).join('&') : '';
      // {tenant} is A's real slug, {organisation} the world's business and {region} A's community (so membership is
      // decided); every other id is malformed.
      const target =
        fill(op.path.replace(/\{(?!(?:tenant|organisation|region)\})\w+\}/g, 'not_a_valid_id'), {
          tenant: world.tenantA.slug,
          organisation: world.organisation.id,
          region: world.regions.communityA.id,
        }) + query;
      for (const persona of PERSONAS) {
        const res = await h.call(op.method, target, {
          token: world.tokens[persona],
          ...(op.hasBody ? { json: [] } : {}),
        });
        const allowed = admits(persona, op.access);
        // The fixture plugin's /publish route is admitted and then refused by the plugin runtime (scope not granted).
        const passed =
          ![401, 403].includes(res.status) || (res.body as { code?: string } | null)?.code === 'scope_not_granted';
        // A grouped route checks membership per item, after the syntax: a malformed request is refused as malformed
        // (what the public schema says to anyone), a well-formed one from a non-member gets 404.
        const malformed =
          op.grouped && res.status === 400 && (res.body as { code?: string } | null)?.code === 'validation_failed';
        const ok = allowed
          ? passed && !(isMembershipScoped(op) && res.status === 404)
          : persona === 'anonymous'
            ? res.status === 401
            : res.status === 403 || (isMembershipScoped(op) && res.status === 404) || malformed;
        if (!ok)
          failures.push(
            `${op.method} ${target} as ${persona}: ${res.status} (${allowed ? 'should admit' : 'should deny'})`,
          );
      }
      expect(failures).toEqual([]);
    });
});
