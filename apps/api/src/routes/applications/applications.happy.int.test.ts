import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

// Unique per run: the Postgres suites share one database.
const run = Math.random().toString(36).slice(2, 7);

const apply = (token: string | undefined, communityId: string, name = `阳光花园 ${run}`) =>
  current.h.call('POST', '/api/v1/applications', {
    token,
    json: { name, address: '阳光路8号', communityId, applicantName: '申请人', note: '共6栋' },
  });

describe('opening a neighbourhood', () => {
  it('community staff approve; the applicant becomes admin and can invite', async () => {
    const applied = await apply(current.world.tokens.outsider, current.world.regions.communityA.id);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'pending',
      communityName: '甲社区',
      streetName: '甲街道',
      tenantSlug: null,
    });

    const mine = await current.h.call('GET', '/api/v1/applications/mine', { token: current.world.tokens.outsider });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([applied.body.id]);

    const queue = await current.h.call('GET', '/api/v1/applications?status=pending', {
      token: current.world.tokens.communityStaffA,
    });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(applied.body.id);

    const approved = await current.h.call('POST', `/api/v1/applications/${applied.body.id}/approve`, {
      token: current.world.tokens.communityStaffA,
      json: {},
    });
    expect(approved.status).toBe(200);
    const slug = `yangguanghuayuan-${run}`;
    expect(approved.body).toMatchObject({ status: 'approved', tenantSlug: slug });

    const me = await current.h.call('GET', '/api/v1/me', { token: current.world.tokens.outsider });
    expect(me.body.memberships).toEqual([
      { tenant: expect.objectContaining({ slug, name: `阳光花园 ${run}` }), roles: ['admin'] },
    ]);
    const invite = await current.h.call('POST', `/api/v1/t/${slug}/invitations`, {
      token: current.world.tokens.outsider,
      json: { phone: '13712345678', displayName: '物业 小王', roles: ['staff'] },
    });
    expect(invite.status).toBe(201);
  });

  it('street staff and operators may decide too; a chosen slug is used', async () => {
    const a = await apply(current.world.tokens.outsider, current.world.regions.communityA.id, `一号院${run}`);
    const ok = await current.h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
      token: current.world.tokens.streetStaffA,
      json: { slug: `yihao-${run}` },
    });
    expect(ok.body.tenantSlug).toBe(`yihao-${run}`);
    const b = await apply(current.world.tokens.outsider, current.world.regions.communityB.id, `二号院${run}`);
    const byOperator = await current.h.call('POST', `/api/v1/applications/${b.body.id}/approve`, {
      token: current.world.tokens.operator,
      json: {},
    });
    expect(byOperator.status).toBe(200);
  });

  it('rejects with a reason the applicant can read, after which they may apply again', async () => {
    const a = await apply(current.world.tokens.outsider, current.world.regions.communityA.id);
    const rejected = await current.h.call('POST', `/api/v1/applications/${a.body.id}/reject`, {
      token: current.world.tokens.communityStaffA,
      json: { reason: '地址不在本社区，请核实后重新申请' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '地址不在本社区，请核实后重新申请' });
    expect((await apply(current.world.tokens.outsider, current.world.regions.communityA.id)).status).toBe(201);
  });
});
