import { contactsPlugin } from '@city/plugin-contacts/server';
import { asOwner, useWorld, type TestApp, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';

/** Tenant A's trail: opened (by the operator), then adminA installs the directory, adds two entries, changes one. */
async function setUp(h: TestApp, world: World) {
  const base = `/api/v1/t/${world.tenantA.slug}`;
  const token = world.tokens.adminA;
  await h.call('POST', `${base}/plugins/contacts/install`, { token, json: { grantedScopes: ['audit:write'] } });
  const add = (name: string) =>
    h.call('POST', `${base}/p/contacts/entries`, { token, json: { category: 'property', name, phone: '02112345678' } });
  const duty = await add('物业值班电话');
  await add('居委会');
  await h.call('PUT', `${base}/p/contacts/entries/${duty.body.id}`, {
    token,
    json: { category: 'property', name: '物业值班电话（夜间）', phone: '02112345678' },
  });
  return {};
}

const current = useWorld({ plugins: [contactsPlugin], setUp });

const trail = (query = '', token = current.world.tokens.adminA, slug = current.world.tenantA.slug) =>
  current.h.call('GET', `/api/v1/t/${slug}/audit${query}`, { token, headers: { 'accept-language': 'en' } });
const actions = (body: { items: { action: string }[] }) => body.items.map((e) => e.action);

describe('audit trail filters', () => {
  it('narrows by action, by all of an area or plugin, and by actor', async () => {
    expect(actions((await trail('?action=contacts.entry_added')).body)).toEqual([
      'contacts.entry_added',
      'contacts.entry_added',
    ]);
    expect(actions((await trail('?action=contacts.*')).body)).toEqual([
      'contacts.entry_changed',
      'contacts.entry_added',
      'contacts.entry_added',
    ]);
    const mine = (await trail(`?actor=${current.world.users.adminA.id}`)).body;
    expect(mine.items).toHaveLength(4);
    expect((await trail(`?actor=${current.world.users.residentA.id}`)).body.items).toEqual([]);
  });

  it('narrows by Beijing days, both ends inclusive', async () => {
    const tenant = current.world.tenantA.id;
    // 23:30 in Beijing on 1 March is still 1 March there, though 15:30 UTC.
    await asOwner(
      current.h.database,
      `update audit_log set occurred_at = '2026-03-01T15:30:00Z' where tenant_id = '${tenant}' and seq = 3`,
    );
    expect((await trail('?from=2026-03-01&to=2026-03-01')).body.items.map((e: { seq: number }) => e.seq)).toEqual([3]);
    expect((await trail('?from=2026-03-02&to=2026-03-31')).body.items).toEqual([]);
    expect((await trail('?to=2026-02-28')).body.items).toEqual([]);
  });

  it('pages through a filtered trail with the cursor, keeping the filter', async () => {
    const first = (await trail('?action=contacts.*&limit=2')).body;
    expect(actions(first)).toEqual(['contacts.entry_changed', 'contacts.entry_added']);
    const next = (await trail(`?action=contacts.*&limit=2&cursor=${first.nextCursor}`)).body;
    expect(actions(next)).toEqual(['contacts.entry_added']);
    expect(next.nextCursor).toBeNull();
  });

  it('refuses malformed filters field by field, in the reader’s language', async () => {
    const reversed = await trail('?from=2026-03-02&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ path: 'to', message: 'The end date cannot be before the start date' }),
    ]);
    for (const query of ['?from=2026-02-30', '?action=contacts', '?action=%25', '?actor=someone']) {
      expect((await trail(query)).status, query).toBe(400);
    }
  });

  it('offers the people who acted and the actions, with the plugin’s own words for its actions', async () => {
    const { h, world } = current;
    const res = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit/facets`, { token: world.tokens.adminA });
    expect(res.status).toBe(200);
    const { adminA, operator } = world.users;
    expect(res.body.actors).toHaveLength(2);
    expect(res.body.actors).toEqual(
      expect.arrayContaining([
        { id: adminA.id, name: adminA.displayName },
        { id: operator.id, name: operator.displayName },
      ]),
    );
    expect(res.body.actions).toContainEqual({ action: 'tenant.opened', plugin: null, label: null, sentence: null });
    expect(res.body.actions).toContainEqual({
      action: 'contacts.entry_added',
      plugin: 'contacts',
      label: { 'zh-CN': '添加条目', en: 'Entry added' },
      sentence: expect.objectContaining({ 'zh-CN': '{actor} 在 {plugin} 添加了条目「{name}」' }),
    });
    expect(res.body.plugins).toEqual([{ id: 'contacts', name: contactsPlugin.manifest.name }]);
  });

  it('shows another neighbourhood nothing: its trail, facets and filters answer 404 to A’s admin', async () => {
    const { h, world } = current;
    const b = world.tenantB.slug;
    expect((await trail('?action=contacts.*', world.tokens.adminA, b)).status).toBe(404);
    expect((await h.call('GET', `/api/v1/t/${b}/audit/facets`, { token: world.tokens.adminA })).status).toBe(404);
    // B's admin filtering by A's admin sees none of A's entries.
    const theirs = await trail(`?actor=${world.users.adminA.id}`, world.tokens.adminB, b);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    const facets = await h.call('GET', `/api/v1/t/${b}/audit/facets`, { token: world.tokens.adminB });
    expect(facets.body.actors).toEqual([{ id: world.users.operator.id, name: world.users.operator.displayName }]);
    expect(facets.body.actions.map((a: { action: string }) => a.action)).toEqual(['tenant.opened']);
  });

  it('is for the neighbourhood’s admin only', async () => {
    const { h, world } = current;
    const facets = `/api/v1/t/${world.tenantA.slug}/audit/facets`;
    expect((await h.call('GET', facets, { token: world.tokens.residentA })).status).toBe(403);
    expect((await h.call('GET', facets, {})).status).toBe(401);
  });
});
