import { contactsPlugin } from '@city/plugin-contacts/server';
import { useWorld, type TestApp, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';

/** Tenant A's trail: opened (by the operator), then adminA installs the directory and adds two entries. */
async function setUp(h: TestApp, world: World) {
  const base = `/api/v1/t/${world.tenantA.slug}`;
  const token = world.tokens.adminA;
  await h.call('POST', `${base}/plugins/contacts/install`, { token, json: { grantedScopes: ['audit:write'] } });
  for (const name of ['物业值班电话', '居委会'])
    await h.call('POST', `${base}/p/contacts/entries`, {
      token,
      json: { category: 'property', name, phone: '02112345678' },
    });
  return {};
}

const current = useWorld({ plugins: [contactsPlugin], setUp });

const base = (slug = current.world.tenantA.slug) => `/api/v1/supervision/neighbourhoods/${slug}/audit`;
const trail = (query = '', token = current.world.tokens.streetStaffA) =>
  current.h.call('GET', `${base()}${query}`, { token, headers: { 'accept-language': 'en' } });
const actions = (body: { page: { items: { action: string }[] } }) => body.page.items.map((e) => e.action);

describe('a supervised neighbourhood’s audit trail', () => {
  it('narrows by action, by all of a plugin and by actor, as the admins’ trail does, with the verdict', async () => {
    const { world } = current;
    const added = (await trail('?action=contacts.entry_added')).body;
    expect(actions(added)).toEqual(['contacts.entry_added', 'contacts.entry_added']);
    expect(added.verdict).toMatchObject({ ok: true, length: 4 });
    expect(actions((await trail('?action=contacts.*', world.tokens.communityStaffA)).body)).toHaveLength(2);
    expect((await trail(`?actor=${world.users.adminA.id}`)).body.page.items).toHaveLength(3);
    expect((await trail(`?actor=${world.users.residentA.id}`)).body.page.items).toEqual([]);
    expect((await trail('?to=2000-01-01')).body.page.items).toEqual([]);
  });

  it('pages through a filtered trail with the cursor, keeping the filter', async () => {
    const first = (await trail('?action=contacts.*&limit=1')).body;
    expect(actions(first)).toEqual(['contacts.entry_added']);
    const next = (await trail(`?action=contacts.*&limit=1&cursor=${first.page.nextCursor}`)).body;
    expect(actions(next)).toEqual(['contacts.entry_added']);
    expect(next.page.nextCursor).toBeNull();
    expect(next.page.items[0].seq).toBeLessThan(first.page.items[0].seq);
  });

  it('refuses malformed filters field by field, in the reader’s language', async () => {
    const reversed = await trail('?from=2026-03-02&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ path: 'to', message: 'The end date cannot be before the start date' }),
    ]);
    for (const query of ['?from=2026-02-30', '?action=contacts', '?actor=someone'])
      expect((await trail(query)).status, query).toBe(400);
  });

  it('offers the people who acted and the actions, with the plugin’s own words', async () => {
    const { h, world } = current;
    const res = await h.call('GET', `${base()}/facets`, { token: world.tokens.streetStaffA });
    expect(res.status).toBe(200);
    const { adminA, operator } = world.users;
    expect(res.body.actors).toEqual(
      expect.arrayContaining([
        { id: adminA.id, name: adminA.displayName },
        { id: operator.id, name: operator.displayName },
      ]),
    );
    expect(res.body.actors).toHaveLength(2);
    expect(res.body.actions).toContainEqual({ action: 'tenant.opened', plugin: null, label: null, sentence: null });
    expect(res.body.actions).toContainEqual(
      expect.objectContaining({
        action: 'contacts.entry_added',
        plugin: 'contacts',
        label: { 'zh-CN': '添加条目', en: 'Entry added' },
      }),
    );
    expect(res.body.plugins).toEqual([{ id: 'contacts', name: contactsPlugin.manifest.name }]);
  });

  it('shows staff of another branch nothing: the trail, its filters and its facets answer 404', async () => {
    const { h, world } = current;
    const token = world.tokens.otherBranchStaff;
    const filtered = await trail(`?action=contacts.*&actor=${world.users.adminA.id}`, token);
    expect(filtered.status).toBe(404);
    expect(JSON.stringify(filtered.body)).not.toContain('contacts.entry_added');
    const facets = await h.call('GET', `${base()}/facets`, { token });
    expect(facets.status).toBe(404);
    expect(JSON.stringify(facets.body)).not.toContain(world.users.adminA.displayName);
  });

  it('is for supervisors only: not the neighbourhood’s own admin, not anonymous visitors', async () => {
    const { h, world } = current;
    expect((await h.call('GET', `${base()}/facets`, { token: world.tokens.adminA })).status).toBe(403);
    expect((await h.call('GET', `${base()}/facets`, {})).status).toBe(401);
    expect((await h.call('GET', `${base()}/facets`, { token: world.tokens.operator })).status).toBe(200);
  });
});
