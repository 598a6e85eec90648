import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildWorld, type World } from '../../testing/world.ts';

let h: TestApp;
let world: World;
beforeEach(async () => {
  h = await createTestApp();
  world = await buildWorld(h);
});
afterEach(() => h.close());

const slugsFor = async (token: string | undefined) =>
  (await h.call('GET', '/api/v1/supervision/neighbourhoods', { token })).body.items.map((n: { slug: string }) => n.slug);

describe('街道 and 社区 supervision', () => {
  it('shows each staff member the neighbourhoods of their own branch only', async () => {
    expect(await slugsFor(world.tokens.communityStaffA)).toEqual([world.tenantA.slug]);
    expect(await slugsFor(world.tokens.streetStaffA)).toEqual([world.tenantA.slug]);
    expect(await slugsFor(world.tokens.otherBranchStaff)).toEqual([world.tenantB.slug]);
    const all = await slugsFor(world.tokens.operator);
    expect(all).toEqual(expect.arrayContaining([world.tenantA.slug, world.tenantB.slug]));
  });

  it('counts members and admins', async () => {
    const res = await h.call('GET', '/api/v1/supervision/neighbourhoods', { token: world.tokens.streetStaffA });
    expect(res.body.items[0]).toMatchObject({ memberCount: 4, adminCount: 1, communityName: '甲社区', streetName: '甲街道' });
  });

  it('reads members of a supervised neighbourhood, masked, and nothing across branches', async () => {
    const ok = await h.call('GET', `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/members`, {
      token: world.tokens.communityStaffA,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.members).toHaveLength(4);
    expect(ok.body.members[0].phone).toMatch(/\*{4}/);
    const other = await h.call('GET', `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/members`, {
      token: world.tokens.otherBranchStaff,
    });
    expect(other.status).toBe(404);
  });

  it('gives supervisors no way into the tenant routes', async () => {
    const res = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/members`, { token: world.tokens.streetStaffA });
    expect(res.status).toBe(404);
  });
});
