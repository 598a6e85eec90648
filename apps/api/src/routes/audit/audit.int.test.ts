import { asOwner, randomPhone, useWorld } from '@city/testing';
import { withTenant } from '@city/db';
import { describe, expect, it } from 'vitest';

const current = useWorld();

const trail = async (token = current.world.tokens.adminA) =>
  (await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}/audit?limit=100`, { token })).body;
const verify = async () =>
  (
    await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}/audit/verify`, {
      token: current.world.tokens.adminA,
    })
  ).body;

async function someGovernance() {
  const { h, world } = current;
  const base = `/api/v1/t/${world.tenantA.slug}`;
  const members = (await h.call('GET', `${base}/members`, { token: world.tokens.adminA })).body.items;
  const resident = members.find((m: { userId: string }) => m.userId === world.users.residentA.id);
  await h.call('PATCH', `${base}/members/${resident.id}`, {
    token: world.tokens.adminA,
    json: { roles: ['committee', 'resident'] },
  });
  const invited = await h.call('POST', `${base}/invitations`, {
    token: world.tokens.adminA,
    json: { phone: randomPhone(), displayName: '待邀请', roles: ['resident'] },
  });
  await h.call('DELETE', `${base}/invitations/${invited.body.id}`, { token: world.tokens.adminA });
  return { resident };
}

describe('audit trail', () => {
  it('records every governance write with actor, action, target and a valid chain', async () => {
    const { resident } = await someGovernance();
    const { items } = await trail();
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'invitation.revoked',
      'invitation.created',
      'member.roles_changed',
      'tenant.opened',
    ]);
    expect(items[2]).toMatchObject({
      actorName: current.world.users.adminA.displayName,
      targetType: 'member',
      targetId: resident.id,
      details: { from: ['resident'], to: ['committee', 'resident'] },
    });
    expect(items[1].details.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(items.map((e: { seq: number }) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(await verify()).toMatchObject({ ok: true, length: 4 });
  });

  it('writes nothing when the write is refused', async () => {
    const { h, world } = current;
    const before = (await trail()).items.length;
    const members = (await h.call('GET', `/api/v1/t/${world.tenantA.slug}/members`, { token: world.tokens.adminA }))
      .body.items;
    const self = members.find((m: { userId: string }) => m.userId === world.users.adminA.id);
    const res = await h.call('PATCH', `/api/v1/t/${world.tenantA.slug}/members/${self.id}`, {
      token: world.tokens.adminA,
      json: { roles: ['resident'] },
    });
    expect(res.status).toBe(409);
    expect((await trail()).items.length).toBe(before);
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    const { h, world } = current;
    const base = `/api/v1/t/${world.tenantA.slug}/invitations`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.call('POST', base, {
          token: world.tokens.adminA,
          json: { phone: randomPhone(), displayName: '并发', roles: ['resident'] },
        }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await verify()).toMatchObject({ ok: true, length: 9 });
  });

  it('is append-only for the application', async () => {
    const { h, world } = current;
    for (const statement of ['update audit_log set action = $$x$$', 'delete from audit_log']) {
      await expect(withTenant(h.database.db, world.tenantA.id, (tx) => tx.execute(statement))).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/permission denied/) },
      });
    }
  });

  it('names the first broken link when a row is edited, removed or cut off', async () => {
    await someGovernance();
    const tenant = current.world.tenantA.id;
    const db = current.h.database;
    await asOwner(
      db,
      `update audit_log set details = details || '{"to":["admin"]}' where tenant_id = '${tenant}' and seq = 2`,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash_mismatch', length: 1 });

    await asOwner(
      db,
      `update audit_log set details = details - 'to' || '{"to":["committee","resident"]}' where tenant_id = '${tenant}' and seq = 2`,
    );
    expect(await verify()).toMatchObject({ ok: true, length: 4 });

    await asOwner(db, `delete from audit_log where tenant_id = '${tenant}' and seq = 3`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'gap' });

    const { h, world } = current;
    const fresh = await h.call('POST', '/api/v1/applications', {
      token: world.tokens.outsider,
      json: {
        name: `截断小区${Date.now()}`,
        address: '某路2号',
        communityId: world.regions.communityB.id,
        applicantName: '甲',
      },
    });
    const approved = await h.call('POST', `/api/v1/applications/${fresh.body.id}/approve`, {
      token: world.tokens.operator,
      json: {},
    });
    const other = (await h.services.tenants.bySlug(approved.body.tenantSlug))!;
    await asOwner(db, `delete from audit_log where tenant_id = '${other.id}' and seq = 1`);
    const cut = await h.call('GET', '/api/v1/supervision/neighbourhoods/' + other.slug + '/audit', {
      token: world.tokens.operator,
    });
    expect(cut.body.verdict).toMatchObject({ ok: false, reason: 'head_mismatch', length: 0 });
  });

  it('is readable by supervisors of the branch, with the verdict, and by nobody else', async () => {
    const { h, world } = current;
    const path = `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/audit`;
    const ok = await h.call('GET', path, { token: world.tokens.streetStaffA });
    expect(ok.status).toBe(200);
    expect(ok.body.verdict).toMatchObject({ ok: true, length: 1 });
    expect(ok.body.page.items[0].action).toBe('tenant.opened');
    expect((await h.call('GET', path, { token: world.tokens.otherBranchStaff })).status).toBe(404);
    expect((await trail(world.tokens.staffA)).code).toBe('forbidden');
  });
});
