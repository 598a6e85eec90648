import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

const slugsFor = async (token: string | undefined) =>
  (await current.h.call('GET', '/api/v1/supervision/neighbourhoods', { token })).body.items.map(
    (n: { slug: string }) => n.slug,
  );

describe('街道 and 社区 supervision', () => {
  it('shows each staff member the neighbourhoods of their own branch only', async () => {
    expect(await slugsFor(current.world.tokens.communityStaffA)).toEqual([current.world.tenantA.slug]);
    expect(await slugsFor(current.world.tokens.streetStaffA)).toEqual([current.world.tenantA.slug]);
    expect(await slugsFor(current.world.tokens.otherBranchStaff)).toEqual([current.world.tenantB.slug]);
    const all = await slugsFor(current.world.tokens.operator);
    expect(all).toEqual(expect.arrayContaining([current.world.tenantA.slug, current.world.tenantB.slug]));
  });

  it('counts members and admins', async () => {
    const res = await current.h.call('GET', '/api/v1/supervision/neighbourhoods', {
      token: current.world.tokens.streetStaffA,
    });
    expect(res.body.items[0]).toMatchObject({
      memberCount: 4,
      adminCount: 1,
      communityName: '甲社区',
      streetName: '甲街道',
    });
  });

  it('reads members of a supervised neighbourhood, masked, and nothing across branches', async () => {
    const ok = await current.h.call('GET', `/api/v1/supervision/neighbourhoods/${current.world.tenantA.slug}/members`, {
      token: current.world.tokens.communityStaffA,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.members).toHaveLength(4);
    expect(ok.body.members[0].phone).toMatch(/\*{4}/);
    const other = await current.h.call(
      'GET',
      `/api/v1/supervision/neighbourhoods/${current.world.tenantA.slug}/members`,
      {
        token: current.world.tokens.otherBranchStaff,
      },
    );
    expect(other.status).toBe(404);
  });

  it('gives supervisors no way into the tenant routes', async () => {
    const res = await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}/members`, {
      token: current.world.tokens.streetStaffA,
    });
    expect(res.status).toBe(404);
  });
});
