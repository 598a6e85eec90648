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

const membersOf = async (token: string | undefined, slug: string, query = '') =>
  h.call('GET', `/api/v1/t/${slug}/members${query}`, { token });

describe('members and roles', () => {
  it('lists members with masked numbers, page by page', async () => {
    const first = await membersOf(world.tokens.adminA, world.tenantA.slug, '?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items.every((m: { phone: string }) => /^1\d\d\*{4}\d{4}$/.test(m.phone))).toBe(true);
    const second = await membersOf(world.tokens.adminA, world.tenantA.slug, `?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((m: { userId: string }) => m.userId);
    expect(new Set(all).size).toBe(4);
  });

  it('lets staff read but only admins change roles', async () => {
    expect((await membersOf(world.tokens.staffA, world.tenantA.slug)).status).toBe(200);
    expect((await membersOf(world.tokens.residentA, world.tenantA.slug)).status).toBe(403);
    const list = await membersOf(world.tokens.adminA, world.tenantA.slug);
    const resident = list.body.items.find((m: { userId: string }) => m.userId === world.users.residentA.id);
    const path = `/api/v1/t/${world.tenantA.slug}/members/${resident.id}`;
    expect((await h.call('PATCH', path, { token: world.tokens.staffA, json: { roles: ['admin'] } })).status).toBe(403);
    const promoted = await h.call('PATCH', path, { token: world.tokens.adminA, json: { roles: ['committee', 'resident'] } });
    expect(promoted.status).toBe(200);
    const tenant = await h.call('GET', `/api/v1/t/${world.tenantA.slug}`, { token: world.tokens.residentA });
    expect(tenant.body.myRoles).toEqual(['committee', 'resident']);
  });

  it('never leaves a neighbourhood without an admin', async () => {
    const list = await membersOf(world.tokens.adminA, world.tenantA.slug);
    const self = list.body.items.find((m: { userId: string }) => m.userId === world.users.adminA.id);
    const path = `/api/v1/t/${world.tenantA.slug}/members/${self.id}`;
    const demote = await h.call('PATCH', path, { token: world.tokens.adminA, json: { roles: ['resident'] } });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_admin');
    expect((await h.call('DELETE', path, { token: world.tokens.adminA })).body.code).toBe('last_admin');

    const staff = list.body.items.find((m: { userId: string }) => m.userId === world.users.staffA.id);
    await h.call('PATCH', `/api/v1/t/${world.tenantA.slug}/members/${staff.id}`, { token: world.tokens.adminA, json: { roles: ['admin'] } });
    expect((await h.call('PATCH', path, { token: world.tokens.adminA, json: { roles: ['resident'] } })).status).toBe(200);
  });

  it('removes a member, who then no longer sees the neighbourhood', async () => {
    const list = await membersOf(world.tokens.adminA, world.tenantA.slug);
    const resident = list.body.items.find((m: { userId: string }) => m.userId === world.users.residentA.id);
    expect((await h.call('DELETE', `/api/v1/t/${world.tenantA.slug}/members/${resident.id}`, { token: world.tokens.adminA })).status).toBe(204);
    expect((await h.call('GET', `/api/v1/t/${world.tenantA.slug}`, { token: world.tokens.residentA })).status).toBe(404);
  });

  it('rejects bad cursors and limits with a problem', async () => {
    const res = await membersOf(world.tokens.adminA, world.tenantA.slug, '?limit=1000');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('limit');
  });
});
