import { schema } from '@city/db';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

const apply = (token: string | undefined, communityId: string, name: string) =>
  current.h.call('POST', '/api/v1/applications', {
    token,
    json: { name, address: '某路1号', communityId, applicantName: '申请人' },
  });

describe('application errors', () => {
  it('catches a second application for the same neighbourhood, however it is spelled', async () => {
    expect(
      (await apply(current.world.tokens.outsider, current.world.regions.communityA.id, '金色家园·一期')).status,
    ).toBe(201);
    const again = await apply(current.world.tokens.residentA, current.world.regions.communityA.id, '金色 家园一期');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_duplicate');
    expect(again.body.detail).toContain('金色 家园一期');
    // The same name in another community is another neighbourhood.
    expect(
      (await apply(current.world.tokens.outsider, current.world.regions.communityB.id, '金色家园一期')).status,
    ).toBe(201);
  });

  it('catches an application for a neighbourhood that is already open', async () => {
    const again = await apply(
      current.world.tokens.outsider,
      current.world.regions.communityA.id,
      current.world.tenantA.name,
    );
    expect(again.body.code).toBe('application_duplicate');
  });

  it('needs a community, not a street, and a reason to reject', async () => {
    const street = await apply(current.world.tokens.outsider, current.world.regions.streetA.id, '某小区');
    expect(street.status).toBe(400);
    expect(street.body.code).toBe('region_invalid');
    const a = await apply(current.world.tokens.outsider, current.world.regions.communityA.id, '某小区');
    const noReason = await current.h.call('POST', `/api/v1/applications/${a.body.id}/reject`, {
      token: current.world.tokens.communityStaffA,
      json: { reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'reason', message: '请填写理由' });
  });

  it('decides an application once, even when two staff approve at the same moment', async () => {
    const a = await apply(current.world.tokens.outsider, current.world.regions.communityA.id, '并发小区');
    const [tenantsBefore] = await current.h.database.db.select({ n: count() }).from(schema.tenants);
    const results = await Promise.all([
      current.h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
        token: current.world.tokens.communityStaffA,
        json: {},
      }),
      current.h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
        token: current.world.tokens.streetStaffA,
        json: {},
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [tenantsAfter] = await current.h.database.db.select({ n: count() }).from(schema.tenants);
    expect(tenantsAfter!.n - tenantsBefore!.n).toBe(1);
    const reject = await current.h.call('POST', `/api/v1/applications/${a.body.id}/reject`, {
      token: current.world.tokens.communityStaffA,
      json: { reason: '已经批准过' },
    });
    expect(reject.body.code).toBe('application_decided');
  });

  it('refuses a taken slug and leaves the application pending', async () => {
    const a = await apply(current.world.tokens.outsider, current.world.regions.communityA.id, '重名小区');
    const taken = await current.h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
      token: current.world.tokens.communityStaffA,
      json: { slug: current.world.tenantA.slug },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
    const queue = await current.h.call('GET', '/api/v1/applications?status=pending', {
      token: current.world.tokens.communityStaffA,
    });
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(a.body.id);
  });
});
