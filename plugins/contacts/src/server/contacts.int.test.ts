import { beforeEach, describe, expect, it } from 'vitest';
import { useWorld, type CallResult, type TestApp, type World } from '@city/testing';
import { contactsPlugin } from './index.ts';

/**
 * Every test starts from a fresh app and world (useWorld) with the plugin installed in A and B (saved with the world,
 * restored for each test), and adds the entries it needs itself: no test depends on another or on their order.
 */

let h: TestApp;
let world: World;
type Who = 'adminA' | 'adminB' | 'residentA' | 'staffA';
const call = (who: Who, method: string, path: string, json?: unknown, locale = 'zh-CN') =>
  h.call(method, path, {
    token: world.tokens[who],
    headers: { 'accept-language': locale },
    ...(json !== undefined ? { json } : {}),
  });
const A = () => `/api/v1/t/${world.tenantA.slug}`;
const B = () => `/api/v1/t/${world.tenantB.slug}`;
const office = { category: 'property', name: '物业服务中心', phone: '023-4128 8888', hours: '24小时' };

/** A set-up request went through: its status, or (on failure) the body that says why not. */
function succeeded(result: CallResult, status: number) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  return result;
}

/** Inside the world before it is saved (so once per worker on PGlite): the plugin in A and B. */
async function setUp(app: TestApp, built: World) {
  h = app;
  world = built;
  for (const [who, base] of [
    ['adminA', A()],
    ['adminB', B()],
  ] as const) {
    const res = await call(who, 'POST', `${base}/plugins/contacts/install`, { grantedScopes: ['audit:write'] });
    expect(res.status).toBe(200);
  }
}
const current = useWorld({ plugins: [contactsPlugin], setUp });

// Runs after useWorld's beforeEach (hooks before a test run in the order they were registered).
beforeEach(() => {
  ({ h, world } = current);
});

/** A's directory as its admin keeps it: the property office and the repair desk, in that order. */
async function keepDirectoryOfA() {
  succeeded(await call('adminA', 'POST', `${A()}/p/contacts/entries`, office), 201);
  succeeded(await call('adminA', 'POST', `${A()}/p/contacts/entries`, { ...office, name: '报修前台' }), 201);
}

describe('便民电话簿 (contacts plugin)', () => {
  it('starts empty, with its settings', async () => {
    expect((await call('residentA', 'GET', `${A()}/p/contacts/entries`)).body).toEqual({
      title: '便民电话',
      showEmergency: true,
      items: [],
    });
  });

  it('lets the admin keep the directory, in the order residents look for numbers, and audits each change', async () => {
    const police = await call('adminA', 'POST', `${A()}/p/contacts/entries`, {
      category: 'police',
      name: '璧城派出所',
      phone: '023-41283110',
    });
    const added = await call('adminA', 'POST', `${A()}/p/contacts/entries`, office);
    expect(added).toMatchObject({ status: 201, body: { ...office, note: '', position: 0 } });
    const list = (await call('residentA', 'GET', `${A()}/p/contacts/entries`)).body.items.map(
      (e: { name: string }) => e.name,
    );
    expect(list).toEqual(['物业服务中心', '璧城派出所']);
    const changed = await call('adminA', 'PUT', `${A()}/p/contacts/entries/${added.body.id}`, {
      ...office,
      phone: '023-4128 9999',
    });
    expect(changed.body.phone).toBe('023-4128 9999');
    expect((await call('adminA', 'DELETE', `${A()}/p/contacts/entries/${police.body.id}`)).status).toBe(204);
    const actions = (await call('adminA', 'GET', `${A()}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['contacts.entry_added', 'contacts.entry_changed', 'contacts.entry_removed']),
    );
  });

  it('refuses bad numbers and missing entries with localised problems', async () => {
    const bad = await call('adminA', 'POST', `${A()}/p/contacts/entries`, { ...office, phone: 'call us' }, 'en');
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'phone', message: 'The format is not valid' }] },
    });
    const missing = await call('adminA', 'DELETE', `${A()}/p/contacts/entries/00000000-0000-4000-8000-000000000000`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'contacts.entry_missing', title: '没有这个电话' } });
  });

  it('lets residents read only, until the admin makes one an editor', async () => {
    expect((await call('residentA', 'POST', `${A()}/p/contacts/entries`, office)).status).toBe(403);
    await call('adminA', 'PUT', `${A()}/plugins/contacts/roles/${world.members.residentA}`, { roles: ['editor'] });
    expect((await call('residentA', 'POST', `${A()}/p/contacts/entries`, { ...office, name: '报修前台' })).status).toBe(
      201,
    );
  });

  it('follows its settings', async () => {
    await call('adminA', 'PUT', `${A()}/plugins/contacts/settings`, {
      settings: { title: '常用电话', showEmergency: false },
    });
    expect((await call('residentA', 'GET', `${A()}/p/contacts/entries`)).body).toMatchObject({
      title: '常用电话',
      showEmergency: false,
    });
    const tooLong = await call('adminA', 'PUT', `${A()}/plugins/contacts/settings`, {
      settings: { title: '很长'.repeat(11) },
    });
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: 'title', code: 'too_big' })]);
  });

  it('keeps each neighbourhood’s directory to itself', async () => {
    await keepDirectoryOfA();
    const [entry] = (await call('adminA', 'GET', `${A()}/p/contacts/entries`)).body.items;
    expect((await call('adminB', 'GET', `${B()}/p/contacts/entries`)).body.items).toEqual([]);
    expect((await call('adminB', 'GET', `${A()}/p/contacts/entries`)).status).toBe(404);
    expect((await call('adminB', 'PUT', `${B()}/p/contacts/entries/${entry.id}`, office)).status).toBe(404);
    expect((await call('adminB', 'DELETE', `${B()}/p/contacts/entries/${entry.id}`)).status).toBe(404);
    expect((await call('adminA', 'GET', `${A()}/p/contacts/entries`)).body.items).toHaveLength(2);
  });

  it('deletes its data on purge, in that neighbourhood only', async () => {
    await keepDirectoryOfA();
    await call('adminB', 'POST', `${B()}/p/contacts/entries`, office);
    await call('adminA', 'POST', `${A()}/plugins/contacts/uninstall`);
    expect((await call('residentA', 'GET', `${A()}/p/contacts/entries`)).status).toBe(404);
    expect((await call('adminA', 'POST', `${A()}/plugins/contacts/purge`, { confirm: 'contacts' })).status).toBe(204);
    await call('adminA', 'POST', `${A()}/plugins/contacts/install`, { grantedScopes: ['audit:write'] });
    expect((await call('adminA', 'GET', `${A()}/p/contacts/entries`)).body.items).toEqual([]);
    expect((await call('adminB', 'GET', `${B()}/p/contacts/entries`)).body.items).toHaveLength(1);
  });
});
