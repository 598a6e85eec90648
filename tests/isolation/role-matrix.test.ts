import type { Grant } from '@city/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../apps/api/src/testing/harness.ts';
import { buildWorld, PERSONAS, type Persona, type World } from '../../apps/api/src/testing/world.ts';
import { fill, isTenantScoped, operations, type Operation } from './openapi-walk.ts';

/**
 * Every route × every persona. Requests carry deliberately invalid input: authorization runs before validation,
 * so a caller the route admits gets past it (a 400 or a 2xx, never 401/403), a caller it does not admit is
 * stopped first (401 anonymous; 403, or 404 for a neighbourhood they are not in). Nothing is changed on the way.
 */
let h: TestApp;
let world: World;
let ops: Operation[];

beforeAll(async () => {
  h = await createTestApp();
  world = await buildWorld(h);
  ops = await operations(h);
});
afterAll(() => h.close());

const KNOWN_GRANTS = new Set(['public', 'user', 'operator', 'region-staff', 'tenant:member', 'tenant:admin', 'tenant:staff', 'tenant:committee', 'tenant:resident', 'tenant:visitor']);

function admits(persona: Persona, grants: Grant[]): boolean {
  if (grants.includes('public')) return true;
  if (persona === 'anonymous') return false;
  if (grants.includes('user') || grants.includes('tenant:visitor')) return true;
  if (grants.includes('operator') && persona === 'operator') return true;
  if (grants.includes('region-staff') && ['communityStaffA', 'streetStaffA', 'otherBranchStaff'].includes(persona)) return true;
  const roles = world.rolesInA[persona] ?? [];
  return grants.some((g) => g === 'tenant:member' ? roles.length > 0 : g.startsWith('tenant:') && roles.includes(g.slice(7) as never));
}

describe('role × route matrix', () => {
  it('every operation declares known grants; none is open by omission', () => {
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) {
      expect(op.access.length, `${op.method} ${op.path} declares no grants`).toBeGreaterThan(0);
      for (const grant of op.access) expect(KNOWN_GRANTS.has(grant), `${op.method} ${op.path}: ${grant}`).toBe(true);
    }
  });

  it('every route the app serves is in the OpenAPI document (so none escapes the matrix)', () => {
    const documented = new Set(ops.map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !['GET /api/v1/openapi.json', 'GET /api/v1/docs'].includes(r));
    for (const route of new Set(served)) expect(documented.has(route), `${route} is served but not documented`).toBe(true);
  });

  it('admits exactly the declared callers of every route', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const query = op.queryParams.length ? '?' + op.queryParams.map((q) => `${q}=!invalid!`).join('&') : '';
      // {tenant} is A's real slug (so membership is decided); every other id is malformed.
      const target = fill(op.path.replace(/\{(?!tenant\})\w+\}/g, 'not-a-valid-id'), { tenant: world.tenantA.slug }) + query;
      for (const persona of PERSONAS) {
        const res = await h.call(op.method, target, {
          token: world.tokens[persona],
          ...(op.hasBody ? { json: [] } : {}),
        });
        const allowed = admits(persona, op.access);
        const ok = allowed
          ? ![401, 403].includes(res.status) && !(isTenantScoped(op) && res.status === 404)
          : persona === 'anonymous'
            ? res.status === 401
            : res.status === 403 || (isTenantScoped(op) && res.status === 404);
        if (!ok) failures.push(`${op.method} ${target} as ${persona}: ${res.status} (${allowed ? 'should admit' : 'should deny'})`);
      }
    }
    expect(failures).toEqual([]);
  });
});
