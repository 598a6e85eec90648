import { randomPhone, useWorld } from '@city/testing';
import { describe, expect, it } from 'vitest';

const current = useWorld();

describe('invitation errors', () => {
  it('refuses to invite an existing member, or with no roles', async () => {
    const base = `/api/v1/t/${current.world.tenantA.slug}/invitations`;
    const member = await current.h.call('POST', base, {
      token: current.world.tokens.adminA,
      json: { phone: current.world.users.residentA.phone, displayName: '孙', roles: ['resident'] },
    });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('already_member');
    const noRoles = await current.h.call('POST', base, {
      token: current.world.tokens.adminA,
      json: { phone: randomPhone(), displayName: '无', roles: [] },
    });
    expect(noRoles.status).toBe(400);
    expect(noRoles.body.errors[0]).toMatchObject({ path: 'roles', message: '至少选择一个角色' });
    const badRole = await current.h.call('POST', base, {
      token: current.world.tokens.adminA,
      json: { phone: randomPhone(), displayName: '无', roles: ['owner'] },
    });
    expect(badRole.status).toBe(400);
  });

  it('does not accept an invitation after it expired', async () => {
    const invited = await current.h.call('POST', `/api/v1/t/${current.world.tenantA.slug}/invitations`, {
      token: current.world.tokens.adminA,
      json: { phone: current.world.users.outsider.phone, displayName: '外人', roles: ['resident'] },
    });
    current.h.clock.advance(8 * 24 * 3600_000);
    const late = await current.h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, {
      token: current.world.tokens.outsider,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invitation_unavailable');
  });

  it('lets nobody but the addressee accept, and only once', async () => {
    const invited = await current.h.call('POST', `/api/v1/t/${current.world.tenantA.slug}/invitations`, {
      token: current.world.tokens.adminA,
      json: { phone: current.world.users.outsider.phone, displayName: '外人', roles: ['resident'] },
    });
    const stolen = await current.h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, {
      token: current.world.tokens.adminB,
    });
    expect(stolen.status).toBe(404);
    expect(
      (
        await current.h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, {
          token: current.world.tokens.outsider,
        })
      ).status,
    ).toBe(200);
    const twice = await current.h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, {
      token: current.world.tokens.outsider,
    });
    expect(twice.body.code).toBe('invitation_unavailable');
  });
});
