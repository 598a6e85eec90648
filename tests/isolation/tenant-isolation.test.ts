import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, buildWorld, type World } from '@city/testing';
import { votingManifest } from '../../plugins/voting/src/manifest.ts';
import { votingPlugin } from '../../plugins/voting/src/server/index.ts';
import { servicesManifest } from '../../plugins/services/src/manifest.ts';
import { servicesPlugin } from '../../plugins/services/src/server/index.ts';
import { partyManifest } from '../../plugins/party/src/manifest.ts';
import { partyPlugin } from '../../plugins/party/src/server/index.ts';
import { fixturePlugin, FIXTURE_SCOPES } from '../fixtures/fixture-plugin/src/server/index.ts';
import { bodyFor, SHARED_PARAMS, sideOf, snapshot as snapshotOf, type Side } from './fixtures.ts';
import { fill, isRegionScoped, isTenantScoped, operations, type Operation } from './openapi-walk.ts';

/**
 * The tenant-isolation attack: every tenant-scoped route of the OpenAPI document is tried with another
 * neighbourhood's session, slug and ids. Each attempt must answer 403/404, leak nothing of the victim, and leave
 * the victim's data exactly as it was. Routes added later are attacked too; their id parameters come from fixtures.ts.
 */
let h: TestApp;
let world: World;
let ops: Operation[];
let A: Side;
let B: Side;

beforeAll(async () => {
  h = await createTestApp({ plugins: [fixturePlugin(), votingPlugin, servicesPlugin, partyPlugin] });
  world = await buildWorld(h);
  for (const [admin, tenant] of [
    ['adminA', world.tenantA],
    ['adminB', world.tenantB],
  ] as const) {
    for (const [id, grantedScopes] of [
      ['fixture', FIXTURE_SCOPES],
      ['voting', votingManifest.scopes],
      ['services', servicesManifest.scopes],
      ['party', partyManifest.scopes],
    ] as const) {
      const res = await h.call('POST', `/api/v1/t/${tenant.slug}/plugins/${id}/install`, {
        token: world.tokens[admin],
        json: { grantedScopes },
      });
      if (res.status !== 200) throw new Error(`${id} plugin not installed: ${JSON.stringify(res.body)}`);
    }
  }
  ops = (await operations(h)).filter(isTenantScoped);
  A = await sideOf(h.database.db, world.tenantA, world.users.adminA.id);
  B = await sideOf(h.database.db, world.tenantB, world.users.adminB.id);
});
afterAll(() => h.close());

/** Victim data in a response; `instance` only echoes the attacker's own request path, so it is left out. */
function leaks(body: unknown, victim: Side) {
  const { instance: _echo, ...rest } = (body ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(rest);
  return [
    ...Object.entries(victim.ids)
      .filter(([k]) => !SHARED_PARAMS.has(k))
      .map(([, v]) => v),
    victim.name,
  ].filter((secret) => text.includes(secret));
}

describe('tenant isolation', () => {
  it('covers the tenant-scoped routes', () => {
    expect(ops.length).toBeGreaterThanOrEqual(7);
    expect(ops.map((op) => op.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/t/{tenant}/p/party/branch/members/{partyMemberId}/decision',
        '/api/v1/t/{tenant}/p/party/photos/{partyPhotoId}',
      ]),
    );
  });

  it("refuses B's admin everything in A, with A's slug and A's ids", async () => {
    const before = await snapshotOf(h.database.db, world.tenantA.id);
    for (const op of ops) {
      const res = await h.call(op.method, fill(op.path, A.ids), {
        token: world.tokens.adminB,
        ...(op.hasBody ? { json: bodyFor(op.method, op.path, A.ids) } : {}),
      });
      // Visitor routes admit any signed-in person (claiming a unit is how one joins): they answer, about the
      // caller's own rows only, and the request's made-up code or unit changes nothing.
      const refused = op.access.includes('tenant:visitor') ? [200, 400, 403, 404] : [403, 404];
      expect(refused, `${op.method} ${op.path}`).toContain(res.status);
      expect(leaks(res.body, A), `${op.method} ${op.path} leaked`).toEqual([]);
    }
    expect(await snapshotOf(h.database.db, world.tenantA.id)).toEqual(before);
  });

  it("finds nothing of B through A's own slug with B's ids", async () => {
    const before = await snapshotOf(h.database.db, world.tenantB.id);
    for (const op of ops.filter((o) => o.pathParams.some((p) => !SHARED_PARAMS.has(p)))) {
      const res = await h.call(op.method, fill(op.path, { ...B.ids, tenant: A.slug }), {
        token: world.tokens.adminA,
        ...(op.hasBody ? { json: bodyFor(op.method, op.path, B.ids) } : {}),
      });
      expect(res.status, `${op.method} ${op.path}`).toBe(404);
      expect(leaks(res.body, B)).toEqual([]);
    }
    expect(await snapshotOf(h.database.db, world.tenantB.id)).toEqual(before);
  });

  it("lists only the caller's own neighbourhood", async () => {
    for (const op of ops.filter((o) => o.method === 'GET' && o.pathParams.every((p) => SHARED_PARAMS.has(p)))) {
      const res = await h.call('GET', fill(op.path, A.ids), { token: world.tokens.adminA });
      expect(res.status, op.path).toBe(200);
      expect(leaks(res.body, B), op.path).toEqual([]);
    }
  });

  it("keeps everyone but the staff of A's 社区 and those above it out of its region routes", async () => {
    const regionOps = (await operations(h)).filter(isRegionScoped);
    expect(regionOps.map((op) => op.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/r/{region}/p/fixture/region-notes/{regionNoteId}',
        '/api/v1/r/{region}/p/party/branches/{tenantId}',
      ]),
    );
    const before = await snapshotOf(h.database.db, world.tenantA.id);
    for (const persona of ['otherBranchStaff', 'adminB', 'adminA', 'residentA', 'operator'] as const) {
      for (const op of regionOps) {
        const res = await h.call(op.method, fill(op.path, A.ids), {
          token: world.tokens[persona],
          ...(op.hasBody ? { json: bodyFor(op.method, op.path, A.ids) } : {}),
        });
        expect(res.status, `${persona} ${op.method} ${op.path}`).toBe(404);
        expect(leaks(res.body, A), `${persona} ${op.method} ${op.path} leaked`).toEqual([]);
      }
    }
    expect(await snapshotOf(h.database.db, world.tenantA.id)).toEqual(before);
  });

  it("finds nothing of B's 社区 through A's 社区 routes, with B's ids or by listing", async () => {
    const regionOps = (await operations(h)).filter(isRegionScoped);
    const before = await snapshotOf(h.database.db, world.tenantB.id);
    const byId = regionOps.filter((o) => o.pathParams.some((p) => p !== 'region' && !SHARED_PARAMS.has(p)));
    expect(byId.length).toBeGreaterThan(0);
    for (const op of byId) {
      const res = await h.call(op.method, fill(op.path, { ...B.ids, region: A.ids.region! }), {
        token: world.tokens.communityStaffA,
        ...(op.hasBody ? { json: bodyFor(op.method, op.path, B.ids) } : {}),
      });
      expect(res.status, `${op.method} ${op.path}`).toBe(404);
      expect(leaks(res.body, B)).toEqual([]);
    }
    for (const op of regionOps.filter((o) => o.method === 'GET' && o.pathParams.every((p) => p === 'region'))) {
      const res = await h.call('GET', fill(op.path, A.ids), { token: world.tokens.streetStaffA });
      expect(res.status, op.path).toBe(200);
      expect(leaks(res.body, B), op.path).toEqual([]);
    }
    expect(await snapshotOf(h.database.db, world.tenantB.id)).toEqual(before);
  });

  it('keeps supervisors of another branch out of every supervision view', async () => {
    const supervision = (await operations(h)).filter(
      (op) => op.access.includes('region-staff') && op.pathParams.includes('tenant'),
    );
    for (const op of supervision) {
      const res = await h.call(op.method, fill(op.path, A.ids), { token: world.tokens.otherBranchStaff });
      expect(res.status, op.path).toBe(404);
      expect(leaks(res.body, A)).toEqual([]);
    }
  });
});
