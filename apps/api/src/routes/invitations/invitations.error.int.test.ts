import { randomPhone } from '@city/db/testing';
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

describe('invitation errors', () => {
  it('refuses to invite an existing member, or with no roles', async () => {
    const base = `/api/v1/t/${world.tenantA.slug}/invitations`;
    const member = await h.call('POST', base, {
      token: world.tokens.adminA,
      json: { phone: world.users.residentA.phone, displayName: '孙', roles: ['resident'] },
    });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('already_member');
    const noRoles = await h.call('POST', base, { token: world.tokens.adminA, json: { phone: randomPhone(), displayName: '无', roles: [] } });
    expect(noRoles.status).toBe(400);
    expect(noRoles.body.errors[0]).toMatchObject({ path: 'roles', message: '至少选择一个角色' });
    const badRole = await h.call('POST', base, { token: world.tokens.adminA, json: { phone: randomPhone(), displayName: '无', roles: ['owner'] } });
    expect(badRole.status).toBe(400);
  });

  it('does not accept an invitation after it expired', async () => {
    const invited = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/invitations`, {
      token: world.tokens.adminA,
      json: { phone: world.users.outsider.phone, displayName: '外人', roles: ['resident'] },
    });
    h.clock.advance(8 * 24 * 3600_000);
    const late = await h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, { token: world.tokens.outsider });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invitation_unavailable');
  });

  it('lets nobody but the addressee accept, and only once', async () => {
    const invited = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/invitations`, {
      token: world.tokens.adminA,
      json: { phone: world.users.outsider.phone, displayName: '外人', roles: ['resident'] },
    });
    const stolen = await h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, { token: world.tokens.adminB });
    expect(stolen.status).toBe(404);
    expect((await h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, { token: world.tokens.outsider })).status).toBe(200);
    const twice = await h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, { token: world.tokens.outsider });
    expect(twice.body.code).toBe('invitation_unavailable');
  });
});
