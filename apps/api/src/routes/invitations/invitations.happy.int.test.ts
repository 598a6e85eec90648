import { randomPhone, lastCode, useWorld } from '@city/testing';
import { describe, expect, it } from 'vitest';

const current = useWorld();

describe('inviting people into a neighbourhood', () => {
  it('texts the invitee, who signs up with that number and joins with the invited roles', async () => {
    const phone = randomPhone();
    const base = `/api/v1/t/${current.world.tenantA.slug}`;
    const invited = await current.h.call('POST', `${base}/invitations`, {
      token: current.world.tokens.adminA,
      json: { phone, displayName: '楼栋长 老李', roles: ['staff', 'resident'] },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ state: 'open', roles: ['staff', 'resident'] });
    expect(current.h.sms.list(phone)[0]!.text).toContain(current.world.tenantA.name);

    await current.h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } });
    const signedUp = await current.h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone, code: lastCode(current.h.sms, phone), password: 'a-good-password', displayName: '李大爷' },
    });
    const token = signedUp.body.token;
    const me = await current.h.call('GET', '/api/v1/me', { token });
    expect(me.body.invitations).toEqual([
      expect.objectContaining({
        id: invited.body.id,
        tenant: { slug: current.world.tenantA.slug, name: current.world.tenantA.name },
      }),
    ]);

    const accepted = await current.h.call('POST', `/api/v1/me/invitations/${invited.body.id}/accept`, { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ tenant: { slug: current.world.tenantA.slug }, roles: ['staff', 'resident'] });
    const after = await current.h.call('GET', '/api/v1/me', { token });
    expect(after.body.invitations).toEqual([]);
    expect(after.body.memberships[0].roles).toEqual(['staff', 'resident']);

    const list = await current.h.call('GET', `${base}/invitations`, { token: current.world.tokens.adminA });
    expect(list.body.items[0]).toMatchObject({ state: 'accepted', phone: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    const members = await current.h.call('GET', `${base}/members?limit=100`, { token: current.world.tokens.adminA });
    expect(members.body.items.map((m: { displayName: string }) => m.displayName)).toContain('楼栋长 老李');
  });

  it('renews an open invitation instead of adding a second one, and can revoke it', async () => {
    const phone = randomPhone();
    const base = `/api/v1/t/${current.world.tenantA.slug}/invitations`;
    const first = await current.h.call('POST', base, {
      token: current.world.tokens.adminA,
      json: { phone, displayName: '甲', roles: ['resident'] },
    });
    const second = await current.h.call('POST', base, {
      token: current.world.tokens.adminA,
      json: { phone, displayName: '甲', roles: ['committee'] },
    });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.roles).toEqual(['committee']);
    const revoked = await current.h.call('DELETE', `${base}/${first.body.id}`, { token: current.world.tokens.adminA });
    expect(revoked.body.state).toBe('revoked');
    const again = await current.h.call('DELETE', `${base}/${first.body.id}`, { token: current.world.tokens.adminA });
    expect(again.body.code).toBe('invitation_unavailable');
  });
});
