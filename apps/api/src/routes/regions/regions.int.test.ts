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

describe('the administrative tree', () => {
  it('is public to read and built by operators level by level', async () => {
    const street = await h.call('POST', '/api/v1/regions', {
      token: world.tokens.operator,
      json: { kind: 'street', parentId: world.regions.district.id, name: '丙街道', code: '500120003' },
    });
    expect(street.status).toBe(201);
    const community = await h.call('POST', '/api/v1/regions', {
      token: world.tokens.operator,
      json: { kind: 'community', parentId: street.body.id, name: '丙社区' },
    });
    expect(community.status).toBe(201);
    const tree = await h.call('GET', '/api/v1/regions');
    expect(tree.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([street.body.id, community.body.id]));
    const renamed = await h.call('PATCH', `/api/v1/regions/${community.body.id}`, { token: world.tokens.operator, json: { name: '丙社区居委会' } });
    expect(renamed.body.name).toBe('丙社区居委会');
  });

  it('refuses levels out of order and duplicate names, in the caller’s language', async () => {
    const wrong = await h.call('POST', '/api/v1/regions', {
      token: world.tokens.operator,
      json: { kind: 'community', parentId: world.regions.district.id, name: '跳级社区' },
      locale: 'en',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'region_invalid', detail: 'A community belongs to a street' });
    const dup = await h.call('POST', '/api/v1/regions', {
      token: world.tokens.operator,
      json: { kind: 'street', parentId: world.regions.district.id, name: '甲街道' },
    });
    expect(dup.status).toBe(409);
  });

  it('appoints staff by registered number, who then supervise that branch', async () => {
    const path = `/api/v1/regions/${world.regions.communityB.id}/staff`;
    const unknown = await h.call('POST', path, { token: world.tokens.operator, json: { phone: '13011112222' } });
    expect(unknown.status).toBe(404);
    const added = await h.call('POST', path, { token: world.tokens.operator, json: { phone: world.users.outsider.phone } });
    expect(added.status).toBe(201);
    const list = await h.call('GET', path, { token: world.tokens.operator });
    expect(list.body.items).toHaveLength(1);
    const view = await h.call('GET', '/api/v1/supervision/neighbourhoods', { token: world.tokens.outsider });
    expect(view.body.items.map((n: { slug: string }) => n.slug)).toEqual([world.tenantB.slug]);
    expect((await h.call('DELETE', `${path}/${world.users.outsider.id}`, { token: world.tokens.operator })).status).toBe(204);
    expect((await h.call('GET', '/api/v1/supervision/neighbourhoods', { token: world.tokens.outsider })).status).toBe(403);
  });

  it('is written by operators only', async () => {
    const res = await h.call('POST', '/api/v1/regions', {
      token: world.tokens.streetStaffA,
      json: { kind: 'community', parentId: world.regions.streetA.id, name: '越权社区' },
    });
    expect(res.status).toBe(403);
  });
});
