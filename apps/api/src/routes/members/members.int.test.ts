import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

const membersOf = async (token: string | undefined, slug: string, query = '') =>
  current.h.call('GET', `/api/v1/t/${slug}/members${query}`, { token });

describe('members and roles', () => {
  it('lists members with masked numbers, page by page', async () => {
    const first = await membersOf(current.world.tokens.adminA, current.world.tenantA.slug, '?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items.every((m: { phone: string }) => /^1\d\d\*{4}\d{4}$/.test(m.phone))).toBe(true);
    const second = await membersOf(
      current.world.tokens.adminA,
      current.world.tenantA.slug,
      `?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((m: { userId: string }) => m.userId);
    expect(new Set(all).size).toBe(4);
  });

  it('finds members by a part of their name, taking % and _ literally', async () => {
    const { world } = current;
    const name = world.users.residentA.displayName; // e.g. residentA-x1y2z3
    const found = await membersOf(
      world.tokens.adminA,
      world.tenantA.slug,
      `?q=${encodeURIComponent(name.slice(3, 12))}`,
    );
    expect(found.body.items.map((m: { userId: string }) => m.userId)).toEqual([world.users.residentA.id]);
    expect((await membersOf(world.tokens.adminA, world.tenantA.slug, '?q=%25')).body.items).toEqual([]);
    expect((await membersOf(world.tokens.adminA, world.tenantA.slug, '?q=_')).body.items).toEqual([]);
  });

  it('lists only the holders of a role when asked, and refuses a role that does not exist', async () => {
    const { world } = current;
    const staff = await membersOf(world.tokens.adminA, world.tenantA.slug, '?role=staff');
    expect(staff.body.items.map((m: { userId: string }) => m.userId)).toEqual([world.users.staffA.id]);
    const named = await membersOf(
      world.tokens.adminA,
      world.tenantA.slug,
      `?role=staff&q=${encodeURIComponent(world.users.residentA.displayName)}`,
    );
    expect(named.body.items).toEqual([]);
    const bad = await membersOf(world.tokens.adminA, world.tenantA.slug, '?role=owner');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('role');
    // Another neighbourhood's admin learns nothing of A's members, filter or not.
    expect((await membersOf(world.tokens.adminB, world.tenantA.slug, '?role=staff')).status).toBe(404);
    const own = await membersOf(world.tokens.adminB, world.tenantB.slug, '?role=staff');
    expect(own.body.items).toEqual([]);
  });

  it('lets staff read but only admins change roles', async () => {
    expect((await membersOf(current.world.tokens.staffA, current.world.tenantA.slug)).status).toBe(200);
    expect((await membersOf(current.world.tokens.residentA, current.world.tenantA.slug)).status).toBe(403);
    const list = await membersOf(current.world.tokens.adminA, current.world.tenantA.slug);
    const resident = list.body.items.find((m: { userId: string }) => m.userId === current.world.users.residentA.id);
    const path = `/api/v1/t/${current.world.tenantA.slug}/members/${resident.id}`;
    expect(
      (await current.h.call('PATCH', path, { token: current.world.tokens.staffA, json: { roles: ['admin'] } })).status,
    ).toBe(403);
    const promoted = await current.h.call('PATCH', path, {
      token: current.world.tokens.adminA,
      json: { roles: ['committee', 'resident'] },
    });
    expect(promoted.status).toBe(200);
    const tenant = await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}`, {
      token: current.world.tokens.residentA,
    });
    expect(tenant.body.myRoles).toEqual(['committee', 'resident']);
  });

  it('never leaves a neighbourhood without an admin', async () => {
    const list = await membersOf(current.world.tokens.adminA, current.world.tenantA.slug);
    const self = list.body.items.find((m: { userId: string }) => m.userId === current.world.users.adminA.id);
    const path = `/api/v1/t/${current.world.tenantA.slug}/members/${self.id}`;
    const demote = await current.h.call('PATCH', path, {
      token: current.world.tokens.adminA,
      json: { roles: ['resident'] },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_admin');
    expect((await current.h.call('DELETE', path, { token: current.world.tokens.adminA })).body.code).toBe('last_admin');

    const staff = list.body.items.find((m: { userId: string }) => m.userId === current.world.users.staffA.id);
    await current.h.call('PATCH', `/api/v1/t/${current.world.tenantA.slug}/members/${staff.id}`, {
      token: current.world.tokens.adminA,
      json: { roles: ['admin'] },
    });
    expect(
      (await current.h.call('PATCH', path, { token: current.world.tokens.adminA, json: { roles: ['resident'] } }))
        .status,
    ).toBe(200);
  });

  it('removes a member, who then no longer sees the neighbourhood', async () => {
    const list = await membersOf(current.world.tokens.adminA, current.world.tenantA.slug);
    const resident = list.body.items.find((m: { userId: string }) => m.userId === current.world.users.residentA.id);
    expect(
      (
        await current.h.call('DELETE', `/api/v1/t/${current.world.tenantA.slug}/members/${resident.id}`, {
          token: current.world.tokens.adminA,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}`, {
          token: current.world.tokens.residentA,
        })
      ).status,
    ).toBe(404);
  });

  it('rejects bad cursors and limits with a problem', async () => {
    const res = await membersOf(current.world.tokens.adminA, current.world.tenantA.slug, '?limit=1000');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('limit');
  });
});
