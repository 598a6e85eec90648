import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

describe('the administrative tree', () => {
  it('is public to read and built by operators level by level', async () => {
    const street = await current.h.call('POST', '/api/v1/regions', {
      token: current.world.tokens.operator,
      json: { kind: 'street', parentId: current.world.regions.district.id, name: '丙街道', code: '500120003' },
    });
    expect(street.status).toBe(201);
    const community = await current.h.call('POST', '/api/v1/regions', {
      token: current.world.tokens.operator,
      json: { kind: 'community', parentId: street.body.id, name: '丙社区' },
    });
    expect(community.status).toBe(201);
    const tree = await current.h.call('GET', '/api/v1/regions');
    expect(tree.body.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([street.body.id, community.body.id]),
    );
    const renamed = await current.h.call('PATCH', `/api/v1/regions/${community.body.id}`, {
      token: current.world.tokens.operator,
      json: { name: '丙社区居委会' },
    });
    expect(renamed.body.name).toBe('丙社区居委会');
  });

  it('refuses levels out of order and duplicate names, in the caller’s language', async () => {
    const wrong = await current.h.call('POST', '/api/v1/regions', {
      token: current.world.tokens.operator,
      json: { kind: 'community', parentId: current.world.regions.district.id, name: '跳级社区' },
      locale: 'en',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'region_invalid', detail: 'A community belongs to a street' });
    const dup = await current.h.call('POST', '/api/v1/regions', {
      token: current.world.tokens.operator,
      json: { kind: 'street', parentId: current.world.regions.district.id, name: '甲街道' },
    });
    expect(dup.status).toBe(409);
  });

  it('appoints staff by registered number, who then supervise that branch', async () => {
    const path = `/api/v1/regions/${current.world.regions.communityB.id}/staff`;
    const unknown = await current.h.call('POST', path, {
      token: current.world.tokens.operator,
      json: { phone: '13011112222' },
    });
    expect(unknown.status).toBe(404);
    const added = await current.h.call('POST', path, {
      token: current.world.tokens.operator,
      json: { phone: current.world.users.outsider.phone },
    });
    expect(added.status).toBe(201);
    const list = await current.h.call('GET', path, { token: current.world.tokens.operator });
    expect(list.body.items).toHaveLength(1);
    const view = await current.h.call('GET', '/api/v1/supervision/neighbourhoods', {
      token: current.world.tokens.outsider,
    });
    expect(view.body.items.map((n: { slug: string }) => n.slug)).toEqual([current.world.tenantB.slug]);
    expect(
      (
        await current.h.call('DELETE', `${path}/${current.world.users.outsider.id}`, {
          token: current.world.tokens.operator,
        })
      ).status,
    ).toBe(204);
    expect(
      (await current.h.call('GET', '/api/v1/supervision/neighbourhoods', { token: current.world.tokens.outsider }))
        .status,
    ).toBe(403);
  });

  it('answers a patch that changes nothing with the region as it is (found by the fuzz test: it was a 500)', async () => {
    const { h, world } = current;
    const patch = (id: string) => h.call('PATCH', `/api/v1/regions/${id}`, { token: world.tokens.operator, json: {} });
    expect(await patch(world.regions.streetA.id)).toMatchObject({ status: 200, body: { name: '甲街道' } });
    expect((await patch('01934a5e-7f00-7c3e-9b1a-3f4d5e6f7a8b')).status).toBe(404);
  });

  it('is written by operators only', async () => {
    const res = await current.h.call('POST', '/api/v1/regions', {
      token: current.world.tokens.streetStaffA,
      json: { kind: 'community', parentId: current.world.regions.streetA.id, name: '越权社区' },
    });
    expect(res.status).toBe(403);
  });
});
