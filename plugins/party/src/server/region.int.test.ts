import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';
import { partyPlugin } from './index.ts';
import { branchWithMember, party } from './testing.ts';

const region = (id: string, path: string) => `/api/v1/r/${id}/p/party${path}`;

const current = useWorld({ plugins: [partyPlugin], setUp: (h, world) => branchWithMember(h, world, { badge: true }) });

describe('the 社区党委 and 街道党工委 above the branches', () => {
  it('are kept by their region’s staff and shown to the neighbourhoods below', async () => {
    const { h, world } = current;
    const { communityA, streetA, communityB } = world.regions;
    const set = (who: 'communityStaffA' | 'streetStaffA', regionId: string, name: string) =>
      h.call('PUT', region(regionId, '/committee'), {
        token: world.tokens[who],
        json: { name, secretary: '李书记', phone: '023-1234 5678' },
      });
    expect((await set('communityStaffA', communityA.id, '甲社区党委')).status).toBe(200);
    // The 街道's staff keep their own.
    expect((await set('streetStaffA', streetA.id, '甲街道党工委')).status).toBe(200);
    // Nobody else: another branch's staff, a 社区 above its own level, a neighbourhood's admin, an operator.
    expect((await set('communityStaffA', streetA.id, '越级')).status).toBe(404);
    expect(
      (
        await h.call('PUT', region(communityA.id, '/committee'), {
          token: world.tokens.otherBranchStaff,
          json: { name: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await h.call('GET', region(communityA.id, '/overview'), { token: world.tokens.adminA })).status).toBe(404);
    expect((await h.call('GET', region(communityA.id, '/overview'), { token: world.tokens.operator })).status).toBe(
      404,
    );
    expect((await h.call('GET', region(communityB.id, '/overview'), { token: world.tokens.streetStaffA })).status).toBe(
      404,
    );

    const overview = (await h.call('GET', party(world.tenantA.slug, '/overview'), { token: world.tokens.residentA }))
      .body;
    expect(overview.branch.above.map((c: { name: string }) => c.name)).toEqual(['甲社区党委', '甲街道党工委']);
    const inB = (await h.call('GET', party(world.tenantB.slug, '/overview'), { token: world.tokens.adminB })).body;
    expect(inB.branch.above).toEqual([]);

    const fromStreet = (await h.call('GET', region(streetA.id, '/overview'), { token: world.tokens.streetStaffA }))
      .body;
    expect(fromStreet.committee).toMatchObject({ name: '甲街道党工委', level: 'street' });
    expect(fromStreet.below).toEqual([expect.objectContaining({ name: '甲社区党委', regionName: communityA.name })]);
  });

  it('see each branch under them in figures only, drill down and export, and nothing of another 社区', async () => {
    const { h, world } = current;
    const { communityA } = world.regions;
    const read = await h.call('GET', region(communityA.id, '/overview'), { token: world.tokens.communityStaffA });
    expect(read.body.branches).toEqual([
      expect.objectContaining({
        tenantId: world.tenantA.id,
        branch: `${world.tenantA.name}党支部`,
        confirmed: 1,
        pending: 0,
        showingBadge: 1,
        duties: 5,
      }),
    ]);
    expect(JSON.stringify(read.body)).not.toContain(world.users.residentA.displayName);
    const detail = await h.call('GET', region(communityA.id, `/branches/${world.tenantA.id}`), {
      token: world.tokens.communityStaffA,
    });
    expect(detail.body).toMatchObject({ members: { confirmed: 1, pending: 0, showingBadge: 1 } });
    expect(detail.body.duties).toHaveLength(5);
    expect(JSON.stringify(detail.body)).not.toContain('区医院');
    // Another 社区's branch is not under this one, whatever id is asked for.
    const other = await h.call('GET', region(communityA.id, `/branches/${world.tenantB.id}`), {
      token: world.tokens.communityStaffA,
    });
    expect(other.body.code).toBe('party.branch_missing');
    const exported = await h.call('GET', region(communityA.id, '/overview/export?format=csv'), {
      token: world.tokens.communityStaffA,
    });
    const text = new TextDecoder().decode(exported.raw);
    expect(text).toContain(`${world.tenantA.name}党支部`);
    expect(text).not.toContain(world.tenantB.name);
    // The 街道 above sees it too; the other 街道 does not.
    const street = await h.call('GET', region(world.regions.streetA.id, '/overview'), {
      token: world.tokens.streetStaffA,
    });
    expect(street.body.branches.map((b: { tenantId: string }) => b.tenantId)).toEqual([world.tenantA.id]);
    const otherStreet = await h.call('GET', region(world.regions.streetB.id, '/overview'), {
      token: world.tokens.otherBranchStaff,
    });
    expect(otherStreet.body.branches.map((b: { tenantId: string }) => b.tenantId)).toEqual([world.tenantB.id]);
  });
});
