import { randomUscc, useWorld } from '@city/testing';
import { describe, expect, it } from 'vitest';

const current = useWorld();

const register = (token: string | undefined, uscc = randomUscc(), locale?: 'en') =>
  current.h.call('POST', '/api/v1/organisations', {
    token,
    locale,
    json: { name: '安心家政服务有限公司', uscc, contactName: '陈师傅', contactPhone: '138 0013 8000' },
  });

describe('organisations (businesses serving many neighbourhoods)', () => {
  it('registers a business once; its registrant owns it, adds staff by number and gives them roles', async () => {
    const { tokens, users } = current.world;
    const uscc = randomUscc();
    const created = await register(tokens.outsider, uscc.toLowerCase().replace(/(.{6})/, '$1 '));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ uscc, role: 'owner', contactPhone: '13800138000' });
    const base = `/api/v1/organisations/${created.body.id}`;

    const added = await current.h.call('POST', `${base}/staff`, {
      token: tokens.outsider,
      json: { phone: users.residentA.phone, role: 'staff' },
    });
    expect(added.status).toBe(201);
    expect(added.body.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await current.h.call('GET', '/api/v1/organisations', { token: tokens.residentA })).body.items).toEqual([
      expect.objectContaining({ id: created.body.id, role: 'staff' }),
    ]);

    // Staff read the profile and the staff list; they do not change either.
    expect((await current.h.call('GET', base, { token: tokens.residentA })).body.role).toBe('staff');
    expect((await current.h.call('PATCH', base, { token: tokens.residentA, json: { name: '改名' } })).status).toBe(403);
    expect(
      (
        await current.h.call('POST', `${base}/staff`, {
          token: tokens.residentA,
          json: { phone: users.staffA.phone, role: 'staff' },
        })
      ).status,
    ).toBe(403);

    // A manager runs the profile but not the staff.
    expect(
      (
        await current.h.call('PUT', `${base}/staff/${users.residentA.id}`, {
          token: tokens.outsider,
          json: { role: 'manager' },
        })
      ).status,
    ).toBe(204);
    const renamed = await current.h.call('PATCH', base, {
      token: tokens.residentA,
      json: { name: '安心到家服务有限公司' },
    });
    expect(renamed.body).toMatchObject({ name: '安心到家服务有限公司', uscc });
    const staff = await current.h.call('GET', `${base}/staff`, { token: tokens.residentA });
    expect(staff.body.items.map((s: { role: string }) => s.role)).toEqual(['owner', 'manager']);

    expect(
      (await current.h.call('DELETE', `${base}/staff/${users.residentA.id}`, { token: tokens.outsider })).status,
    ).toBe(204);
    expect((await current.h.call('GET', base, { token: tokens.residentA })).status).toBe(404);
  });

  it('refuses a code that fails the GB 32100 checksum, and a code already registered', async () => {
    const { tokens } = current.world;
    const bad = await register(tokens.outsider, '91350100M000100Y44', 'en');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'uscc', message: expect.stringContaining('not valid') }),
    ]);
    const uscc = randomUscc();
    expect((await register(tokens.outsider, uscc)).status).toBe(201);
    const again = await register(tokens.adminB, uscc);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'uscc_taken', title: expect.stringContaining('已注册') });
  });

  it('never leaves a business without an owner', async () => {
    const { tokens, users } = current.world;
    const created = await register(tokens.outsider);
    const base = `/api/v1/organisations/${created.body.id}`;
    expect(
      (
        await current.h.call('PUT', `${base}/staff/${users.outsider.id}`, {
          token: tokens.outsider,
          json: { role: 'manager' },
        })
      ).body.code,
    ).toBe('last_owner');
    expect(
      (await current.h.call('DELETE', `${base}/staff/${users.outsider.id}`, { token: tokens.outsider })).body.code,
    ).toBe('last_owner');
    await current.h.call('POST', `${base}/staff`, {
      token: tokens.outsider,
      json: { phone: users.adminB.phone, role: 'owner' },
    });
    expect(
      (await current.h.call('DELETE', `${base}/staff/${users.outsider.id}`, { token: tokens.outsider })).status,
    ).toBe(204);
    const again = await current.h.call('POST', `${base}/staff`, {
      token: tokens.adminB,
      json: { phone: users.adminB.phone, role: 'staff' },
    });
    expect(again.status).toBe(409);
    const unknown = await current.h.call('POST', `${base}/staff`, {
      token: tokens.adminB,
      json: { phone: '13011112222', role: 'staff' },
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 404 to everyone outside the business, signed-out callers 401', async () => {
    const { tokens, users } = current.world;
    const created = await register(tokens.outsider);
    const base = `/api/v1/organisations/${created.body.id}`;
    for (const token of [tokens.adminA, tokens.operator, tokens.streetStaffA]) {
      expect((await current.h.call('GET', base, { token })).status).toBe(404);
      expect((await current.h.call('GET', `${base}/staff`, { token })).status).toBe(404);
      expect(
        (await current.h.call('POST', `${base}/staff`, { token, json: { phone: users.adminA.phone, role: 'owner' } }))
          .status,
      ).toBe(404);
    }
    expect((await current.h.call('GET', '/api/v1/organisations/not-an-id', { token: tokens.outsider })).status).toBe(
      404,
    );
    expect((await current.h.call('GET', base)).status).toBe(401);
    expect((await register(undefined)).status).toBe(401);
  });
});
