import { schema, tenantsWithPendingEvents, withTenant } from '@city/db';
import { randomPhone, createTestApp, useWorld, type CallResult, type TestApp, type World } from '@city/testing';
import { definePlugin } from '@city/plugin-sdk';
import { definePluginServer } from '@city/plugin-sdk/server';
import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { asPlugin } from '../../apps/api/src/plugin-runtime/context.ts';
import { fixturePlugin, FIXTURE_SCOPES as scopes } from '../fixtures/fixture-plugin/src/server/index.ts';
import { notesOf as notesIn } from '../fixtures/fixture-plugin/src/testing.ts';

/** A plugin that needs the fixture plugin installed first, and listens to its events (no tables of its own). */
const addon = definePluginServer({
  manifest: definePlugin({
    id: 'fixture-addon',
    version: '1.0.0',
    name: { 'zh-CN': '测试扩展', en: 'Fixture add-on' },
    description: { 'zh-CN': '依赖测试插件', en: 'Requires the fixture plugin' },
    icon: 'puzzle',
    category: 'community',
    publisher: '城市生活网',
    coreRange: '^1.0.0',
    requires: { fixture: '^1.0.0' },
    scopes: ['audit:write'],
    settings: z.object({}),
  }),
  events: {
    'fixture.note_added': async (ctx, event) => {
      await ctx.audit.append({ action: 'saw_note', targetType: 'note', targetId: String(event.payload.noteId) });
    },
  },
});

/**
 * Every test starts from a fresh app and world (useWorld), the fixture plugin installed nowhere yet, and brings
 * neighbourhood A's install to the stage it is about (`fixtureAt`) and B's as it needs (`installIn`, `welcomeInB`,
 * `upgradeInA`) through the real API: no test depends on another or on their order.
 */
let h: TestApp;
let world: World;
const A = () => `/api/v1/t/${world.tenantA.slug}`;
const B = () => `/api/v1/t/${world.tenantB.slug}`;
const as = (persona: 'adminA' | 'adminB' | 'residentA' | 'operator', method: string, path: string, json?: unknown) =>
  h.call(method, path, { token: world.tokens[persona], ...(json !== undefined ? { json } : {}) });
const notesOf = (tenantId: string) => notesIn(h.database.db, tenantId);
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
};

/** A set-up request went through: its status, or (on failure) the body that says why not. */
function succeeded(result: CallResult, status: number) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  return result;
}

// Version availability is platform-wide. Only the upgrade test withdraws a version — 1.1.0, which no other file
// installs — and in a shared Postgres an interrupted run may have left it withdrawn.
const makeAvailable = (version: string) =>
  as('operator', 'PUT', `/api/v1/plugins/fixture/versions/${version}`, { status: 'available' });

/** Inside the world before it is saved (once per worker on PGlite, for every test on Postgres): versions available. */
async function setUp(app: TestApp, built: World) {
  h = app;
  world = built;
  succeeded(await makeAvailable('1.0.0'), 204);
  succeeded(await makeAvailable('1.1.0'), 204);
}
const current = useWorld({ plugins: [fixturePlugin(), addon], setUp });

// Runs after useWorld's beforeEach (hooks before a test run in the order they were registered).
beforeEach(() => {
  ({ h, world } = current);
});

/** The plugin installed by a neighbourhood's admin with every scope and its default settings (greeting 你好). */
async function installIn(admin: 'adminA' | 'adminB') {
  succeeded(
    await as(admin, 'POST', `${admin === 'adminA' ? A() : B()}/plugins/fixture/install`, { grantedScopes: scopes }),
    200,
  );
}

/** In use in A: greeting "Hi", and the admin's first note ("Hi：第一条", an audited `fixture.note_added`). */
async function useInA() {
  succeeded(
    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: false } }),
    200,
  );
  succeeded(await as('adminA', 'POST', `${A()}/p/fixture/notes`, { body: '第一条' }), 201);
}

const STAGES = ['not installed', 'installed', 'in use'] as const;
/** STEPS[i] takes A's install from STAGES[i] to STAGES[i + 1]. */
const STEPS = [() => installIn('adminA'), useInA];

/** Neighbourhood A's fixture plugin brought to `stage`. */
async function fixtureAt(stage: (typeof STAGES)[number]) {
  for (const step of STEPS.slice(0, STAGES.indexOf(stage))) await step();
}

/** B's plugin (installed) has welcomed the member b1: B's notes are `installed`, `welcome b1`. */
async function welcomeInB() {
  await withTenant(h.database.db, world.tenantB.id, (tx) =>
    h.services.events.emit(
      tx,
      world.tenantB.id,
      'member.joined',
      { userId: 'b1', roles: [], via: 'invitation' },
      h.clock.now(),
    ),
  );
  await h.services.pluginRuntime.dispatcher.dispatch(world.tenantB.id);
}

/** A's install upgraded to 1.1.0 by an app offering that version, on the same database (audited `plugin.upgraded`). */
async function upgradeInA() {
  const next = await createTestApp({ plugins: [fixturePlugin('1.1.0'), addon], database: h.database });
  try {
    const upgraded = await next.call('POST', `${A()}/plugins/fixture/upgrade`, {
      token: world.tokens.adminA,
      json: { grantedScopes: scopes },
    });
    succeeded(upgraded, 200);
  } finally {
    await next.services.pluginRuntime.dispatcher.idle();
  }
}

describe('plugin lifecycle (fixture plugin)', () => {
  it('lists the plugin with its scopes explained, and answers 404 until installed', async () => {
    const market = await as('adminA', 'GET', `${A()}/plugins`);
    const fixture = market.body.items.find((p: { id: string }) => p.id === 'fixture');
    expect(fixture).toMatchObject({ version: '1.0.0', install: null, available: true, roles: [{ id: 'note-keeper' }] });
    expect(fixture.scopes).toEqual([
      { id: 'registry:read', description: expect.objectContaining({ 'zh-CN': expect.stringContaining('房屋登记') }) },
      { id: 'audit:write', description: expect.objectContaining({ en: expect.stringContaining('audit trail') }) },
    ]);
    expect((await as('adminA', 'GET', `${A()}/p/fixture/notes`)).status).toBe(404);
    const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
    expect(doc.paths['/api/v1/t/{tenant}/p/fixture/notes'].get.tags).toEqual(['plugin:fixture']);
  });

  it('refuses an add-on whose required plugin is missing, naming it', async () => {
    const res = await as('adminA', 'POST', `${A()}/plugins/fixture-addon/install`, { grantedScopes: ['audit:write'] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'plugin_requires', detail: '请先安装：测试插件 ^1.0.0' });
  });

  it('installs only with every scope granted and valid settings; the install hook runs', async () => {
    expect(
      (await as('adminA', 'POST', `${A()}/plugins/fixture/install`, { grantedScopes: ['registry:read'] })).body.code,
    ).toBe('scopes_required');
    const bad = await as('adminA', 'POST', `${A()}/plugins/fixture/install`, {
      grantedScopes: scopes,
      settings: { greeting: '' },
    });
    expect(bad.body.errors[0]).toMatchObject({ path: 'greeting' });
    // Two admins installing at once: one installs, the other is told it is installed already.
    const both = await Promise.all(
      [1, 2].map(() => as('adminA', 'POST', `${A()}/plugins/fixture/install`, { grantedScopes: scopes })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const ok = both.find((r) => r.status === 200)!;
    expect(ok.body.install).toMatchObject({
      status: 'enabled',
      version: '1.0.0',
      settings: { greeting: '你好', failEvents: false },
    });
    expect(await notesOf(world.tenantA.id)).toEqual(['installed']);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('plugin_state');
  });

  it('serves its routes to members by role, with its settings', async () => {
    await fixtureAt('installed');
    expect(
      (await as('residentA', 'GET', `${A()}/p/fixture/notes`)).body.items.map((n: { body: string }) => n.body),
    ).toEqual(['installed']);
    expect((await as('residentA', 'POST', `${A()}/p/fixture/notes`, { body: 'x' })).status).toBe(403);
    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: false } });
    const added = await as('adminA', 'POST', `${A()}/p/fixture/notes`, { body: '第一条' });
    expect(added).toMatchObject({ status: 201, body: { body: 'Hi：第一条' } });
    const invalid = await as('adminA', 'POST', `${A()}/p/fixture/notes`, { body: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers its own errors as localised problem+json', async () => {
    await fixtureAt('installed');
    const missing = await h.call('GET', `${A()}/p/fixture/notes/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, {
      token: world.tokens.residentA,
      headers: { 'accept-language': 'en' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({
      code: 'fixture.note_missing',
      title: 'No such note',
      type: '/problems/fixture.note_missing',
    });
    const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
    const del = doc.paths['/api/v1/t/{tenant}/p/fixture/notes/{noteId}'].delete;
    expect(del['x-access']).toEqual(['tenant:admin', 'plugin-role:fixture.note-keeper']);
    expect(del.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['noteId', 'tenant']);
  });

  it('adds its own roles, which the admin gives to members and which open routes and navigation to them', async () => {
    await fixtureAt('in use');
    const note = (await as('adminA', 'GET', `${A()}/p/fixture/notes`)).body.items.at(-1);
    expect((await as('residentA', 'DELETE', `${A()}/p/fixture/notes/${note.id}`)).status).toBe(403);
    const entries = async () =>
      (await as('residentA', 'GET', `${A()}/plugins/navigation`)).body.plugins[0].entries.map(
        (i: { path: string }) => i.path,
      );
    expect(await entries()).toEqual(['/notes']);
    const residentMember = world.members.residentA;
    const unknown = await as('adminA', 'PUT', `${A()}/plugins/fixture/roles/${residentMember}`, {
      roles: ['dictator'],
    });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ path: 'roles', code: 'plugin_role_unknown' }] } });
    expect(
      (await as('adminB', 'PUT', `${B()}/plugins/fixture/roles/${residentMember}`, { roles: ['note-keeper'] })).status,
    ).toBe(409);
    const given = await as('adminA', 'PUT', `${A()}/plugins/fixture/roles/${residentMember}`, {
      roles: ['note-keeper'],
    });
    expect(given.body.items).toEqual([expect.objectContaining({ memberId: residentMember, roles: ['note-keeper'] })]);
    expect(await entries()).toEqual(['/notes', '/keep']);
    expect((await as('residentA', 'GET', `${A()}/plugins/navigation`)).body.plugins[0]).toMatchObject({
      id: 'fixture',
      icon: 'flask-conical',
      myRoles: ['note-keeper'],
    });
    expect((await as('residentA', 'DELETE', `${A()}/p/fixture/notes/${note.id}`)).status).toBe(204);
    await as('adminA', 'PUT', `${A()}/plugins/fixture/roles/${residentMember}`, { roles: [] });
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture/roles`)).body.items).toEqual([]);
    const actions = (await as('adminA', 'GET', `${A()}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'plugin.roles_changed')).toHaveLength(2);
  });

  it('gives the plugin exactly its granted scopes, and a database role limited to its own tables', async () => {
    await fixtureAt('in use');
    expect((await as('adminA', 'GET', `${A()}/p/fixture/units/count`)).body).toEqual({ units: 0 });
    const refused = await as('adminA', 'POST', `${A()}/p/fixture/publish`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'scope_not_granted', detail: 'notices:publish' } });
    const attempt = withTenant(h.database.db, world.tenantA.id, (tx) =>
      asPlugin(tx, 'city_p_fixture', () => tx.execute(sql`select count(*) from users`)),
    );
    await expect(attempt).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/permission denied/) }),
    });
    // Its tables follow the tenancy invariants: tenant_id (a region's rows: region_id), row-level security enabled and
    // forced.
    const { rows } = await h.database.db.execute<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      has_tenant: boolean;
    }>(sql`
      select relname, relrowsecurity, relforcerowsecurity,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as has_tenant
      from pg_class c where relkind = 'r' and relname like 'fixture\_%' order by relname`);
    expect(rows).toEqual([
      { relname: 'fixture_notes', relrowsecurity: true, relforcerowsecurity: true, has_tenant: true },
      { relname: 'fixture_region_notes', relrowsecurity: true, relforcerowsecurity: true, has_tenant: false },
    ]);
    const actions = (await as('adminA', 'GET', `${A()}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['plugin.installed', 'plugin.settings_changed', 'fixture.note_added']),
    );
  });

  it('delivers core events after commit, never for a rolled-back change, and retries a failing handler visibly', async () => {
    await fixtureAt('installed');
    const tenantId = world.tenantA.id;
    const { dispatcher } = h.services.pluginRuntime;
    await withTenant(h.database.db, tenantId, async (tx) => {
      await h.services.events.emit(
        tx,
        tenantId,
        'member.joined',
        { userId: 'rolled-back', roles: [], via: 'invitation' },
        h.clock.now(),
      );
      throw new Error('the change fails');
    }).catch(() => undefined);
    await withTenant(h.database.db, tenantId, (tx) =>
      h.services.events.emit(
        tx,
        tenantId,
        'member.joined',
        { userId: 'u1', roles: [], via: 'invitation' },
        h.clock.now(),
      ),
    );
    await dispatcher.dispatch(tenantId);
    const notes = await notesOf(tenantId);
    expect(notes).toContain('welcome u1');
    expect(notes).not.toContain('welcome rolled-back');

    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: true } });
    await withTenant(h.database.db, tenantId, (tx) =>
      h.services.events.emit(
        tx,
        tenantId,
        'member.joined',
        { userId: 'u2', roles: [], via: 'invitation' },
        h.clock.now(),
      ),
    );
    await dispatcher.dispatch(tenantId);
    const failing = (await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries;
    expect(failing).toEqual([
      expect.objectContaining({
        event: 'member.joined',
        status: 'pending',
        attempts: 1,
        lastError: 'fixture told to fail',
      }),
    ]);
    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: false } });
    await dispatcher.dispatch(tenantId);
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries).toHaveLength(1);
    h.clock.advance(10_000);
    await dispatcher.dispatch(tenantId);
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries).toEqual([]);
    expect(await notesOf(tenantId)).toContain('welcome u2');

    // An admin need not wait for the back-off: "retry now" delivers once the request has committed.
    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: true } });
    await withTenant(h.database.db, tenantId, (tx) =>
      h.services.events.emit(
        tx,
        tenantId,
        'member.joined',
        { userId: 'u3', roles: ['resident'], via: 'invitation' },
        h.clock.now(),
      ),
    );
    await dispatcher.dispatch(tenantId);
    const [waiting] = (await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries;
    await as('adminA', 'PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: false } });
    expect((await as('adminB', 'POST', `${B()}/plugins/fixture/deliveries/${waiting.id}/retry`)).status).toBe(404);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/deliveries/${waiting.id}/retry`)).status).toBe(202);
    await until(async () => (await notesOf(tenantId)).includes('welcome u3'));
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries).toEqual([]);
  });

  it('delivers an event a real request emitted, once that request committed', async () => {
    await fixtureAt('installed');
    const [person] = await h.services.db
      .insert(schema.users)
      .values({ phone: randomPhone(), displayName: '新住户', passwordHash: 'x' })
      .returning();
    const building = (await as('adminA', 'POST', `${A()}/registry/buildings`, { name: '1栋' })).body;
    await as('adminA', 'POST', `${A()}/registry/units`, {
      buildingId: building.id,
      floor: 1,
      room: '101',
      saleStatus: 'sold_delivered',
    });
    const token = (await h.services.sessions.create(person!.id, 'vitest')).token;
    const asked = await h.call('POST', `${A()}/verifications`, {
      token,
      json: { building: '1栋', room: '101', relation: 'renter', displayName: '新住户' },
    });
    await as('adminA', 'POST', `${A()}/verifications/${asked.body.id}/approve`, {
      relation: 'renter',
      reason: '核对租赁合同',
    });
    await until(async () => (await notesOf(world.tenantA.id)).includes(`welcome ${person!.id}`));
    expect(await notesOf(world.tenantA.id)).toContain(`welcome ${person!.id}`);
  });

  it('keeps neighbourhoods apart: B cannot reach A’s plugin, settings or notes', async () => {
    await fixtureAt('installed');
    expect((await as('adminB', 'GET', `${A()}/p/fixture/notes`)).status).toBe(404);
    expect((await as('adminB', 'GET', `${B()}/p/fixture/notes`)).status).toBe(404);
    expect((await as('adminB', 'GET', `${A()}/plugins/fixture`)).status).toBe(404);
    await as('adminB', 'POST', `${B()}/plugins/fixture/install`, { grantedScopes: scopes });
    const aNote = (await as('adminA', 'GET', `${A()}/p/fixture/notes`)).body.items[0];
    expect(
      (await as('adminB', 'GET', `${B()}/p/fixture/notes`)).body.items.map((n: { body: string }) => n.body),
    ).toEqual(['installed']);
    expect((await as('adminB', 'GET', `${B()}/p/fixture/notes/${aNote.id}`)).status).toBe(404);
    expect((await as('adminB', 'GET', `${B()}/plugins/fixture`)).body.install.settings).toEqual({
      greeting: '你好',
      failEvents: false,
    });

    // The background sweep finds B's waiting event by itself: it asks only which neighbourhoods have work, then
    // dispatches there. (Only B is dispatched here: on a shared Postgres the neighbourhoods of files running beside this
    // one have work too, for plugins this app does not offer.)
    await withTenant(h.database.db, world.tenantB.id, (tx) =>
      h.services.events.emit(
        tx,
        world.tenantB.id,
        'member.joined',
        { userId: 'b1', roles: [], via: 'invitation' },
        h.clock.now(),
      ),
    );
    expect(await tenantsWithPendingEvents(h.database.db, h.clock.now())).toContain(world.tenantB.id);
    await h.services.pluginRuntime.dispatcher.dispatch(world.tenantB.id);
    expect(await notesOf(world.tenantB.id)).toEqual(['installed', 'welcome b1']);
  });

  it('delivers one plugin’s events to another, and refuses to uninstall a plugin another one requires', async () => {
    await fixtureAt('installed');
    expect(
      (await as('adminA', 'POST', `${A()}/plugins/fixture-addon/install`, { grantedScopes: ['audit:write'] })).status,
    ).toBe(200);
    const note = await as('adminA', 'POST', `${A()}/p/fixture/notes`, { body: '给扩展看' });
    const audited = async () =>
      (await as('adminA', 'GET', `${A()}/audit`)).body.items.filter(
        (e: { action: string }) => e.action === 'fixture-addon.saw_note',
      );
    await until(async () => (await audited()).length > 0);
    expect(await audited()).toEqual([expect.objectContaining({ targetId: note.body.id })]);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/uninstall`)).body.code).toBe('plugin_required_by');
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/disable`)).body.code).toBe('plugin_required_by');
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture-addon/uninstall`)).status).toBe(200);
  });

  it('answers 404 while disabled, keeping everything for when it is enabled again', async () => {
    await fixtureAt('in use');
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/disable`)).body.install.status).toBe('disabled');
    expect((await as('residentA', 'GET', `${A()}/p/fixture/notes`)).status).toBe(404);
    expect((await as('residentA', 'GET', `${A()}/plugins/navigation`)).body.plugins).toEqual([]);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/disable`)).body.code).toBe('plugin_state');
    // An event while disabled waits (paused) and is delivered once the plugin is enabled again.
    const tenantId = world.tenantA.id;
    await withTenant(h.database.db, tenantId, (tx) =>
      h.services.events.emit(
        tx,
        tenantId,
        'member.joined',
        { userId: 'while-off', roles: [], via: 'invitation' },
        h.clock.now(),
      ),
    );
    await h.services.pluginRuntime.dispatcher.dispatch(tenantId);
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries).toEqual([
      expect.objectContaining({ status: 'paused' }),
    ]);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/enable`)).body.install.status).toBe('enabled');
    await until(async () => (await notesOf(tenantId)).includes('welcome while-off'));
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.deliveries).toEqual([]);
    expect((await as('residentA', 'GET', `${A()}/p/fixture/notes`)).body.items.length).toBeGreaterThan(1);
  });

  it('upgrades once, with the hook in the transaction; a withdrawn version cannot be newly installed', async () => {
    await fixtureAt('installed');
    await installIn('adminB');
    const next = await createTestApp({ plugins: [fixturePlugin('1.1.0'), addon], database: h.database });
    const call = (method: string, path: string, json?: unknown) =>
      next.call(method, path, { token: world.tokens.adminA, ...(json !== undefined ? { json } : {}) });
    expect((await call('GET', `${A()}/plugins/fixture`)).body.install).toMatchObject({
      version: '1.0.0',
      upgradeAvailable: true,
    });
    // A failing upgrade hook rolls the whole upgrade back: still 1.0.0, nothing written.
    await call('PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'fail-upgrade', failEvents: false } });
    expect((await call('POST', `${A()}/plugins/fixture/upgrade`, { grantedScopes: scopes })).body).toMatchObject({
      status: 500,
      code: 'plugin_failed',
      detail: '测试插件',
    });
    expect((await call('GET', `${A()}/plugins/fixture`)).body.install.version).toBe('1.0.0');
    expect((await notesOf(world.tenantA.id)).filter((n) => n.startsWith('upgraded'))).toEqual([]);
    await call('PUT', `${A()}/plugins/fixture/settings`, { settings: { greeting: 'Hi', failEvents: false } });
    expect((await call('POST', `${A()}/plugins/fixture/upgrade`, { grantedScopes: scopes })).body.install.version).toBe(
      '1.1.0',
    );
    expect((await call('POST', `${A()}/plugins/fixture/upgrade`, { grantedScopes: scopes })).body.code).toBe(
      'plugin_state',
    );
    expect((await notesOf(world.tenantA.id)).filter((n) => n.startsWith('upgraded'))).toEqual(['upgraded from 1.0.0']);

    // B runs the new version too; then the operator withdraws it. (Versions are platform-wide: 1.1.0, which only this
    // file installs, so files running beside it on a shared Postgres are not affected.)
    const asIn = (persona: 'adminB' | 'adminA' | 'operator', method: string, path: string, json?: unknown) =>
      next.call(method, path, { token: world.tokens[persona], ...(json !== undefined ? { json } : {}) });
    succeeded(await asIn('adminB', 'POST', `${B()}/plugins/fixture/upgrade`, { grantedScopes: scopes }), 200);
    await next.services.pluginRuntime.dispatcher.idle();
    const withdrawn = await asIn('operator', 'PUT', '/api/v1/plugins/fixture/versions/1.1.0', {
      status: 'withdrawn',
      reason: '安全问题',
    });
    try {
      expect(withdrawn.status).toBe(204);
      expect((await asIn('adminB', 'GET', `${B()}/plugins/fixture`)).body.install.versionWithdrawn).toBe(true);
      await asIn('adminB', 'POST', `${B()}/plugins/fixture/uninstall`);
      expect(
        (await asIn('adminB', 'POST', `${B()}/plugins/fixture/install`, { grantedScopes: scopes })).body.code,
      ).toBe('plugin_unavailable');
      expect(
        (await asIn('adminA', 'PUT', '/api/v1/plugins/fixture/versions/1.1.0', { status: 'available' })).status,
      ).toBe(403);
    } finally {
      await makeAvailable('1.1.0');
      await next.services.pluginRuntime.dispatcher.idle();
    }
  });

  it('uninstalls (404, data kept), then purges on confirmation; every step is audited', async () => {
    await fixtureAt('in use');
    await installIn('adminB');
    await welcomeInB();
    await upgradeInA();
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/uninstall`)).body.install.status).toBe('uninstalled');
    expect((await as('residentA', 'GET', `${A()}/p/fixture/notes`)).status).toBe(404);
    expect((await notesOf(world.tenantA.id)).length).toBeGreaterThan(0);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/purge`, { confirm: 'wrong' })).status).toBe(400);
    expect((await as('adminA', 'POST', `${A()}/plugins/fixture/purge`, { confirm: 'fixture' })).status).toBe(204);
    expect(await notesOf(world.tenantA.id)).toEqual([]);
    expect(await notesOf(world.tenantB.id)).toEqual(['installed', 'welcome b1']);
    expect((await as('adminA', 'GET', `${A()}/plugins/fixture`)).body.install).toBeNull();
    const actions = (await as('adminA', 'GET', `${A()}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['plugin.upgraded', 'plugin.uninstalled', 'plugin.purged']));
    expect((await as('adminA', 'GET', `${A()}/audit/verify`)).body).toMatchObject({ ok: true });
  });
});
