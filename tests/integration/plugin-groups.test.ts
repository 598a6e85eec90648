import { beforeEach, describe, expect, it } from 'vitest';
import { useWorld, type TestApp, type World } from '@city/testing';
import { fixturePlugin, FIXTURE_SCOPES as scopes } from '../fixtures/fixture-plugin/src/server/index.ts';
import { notesOf as notesIn } from '../fixtures/fixture-plugin/src/testing.ts';

/**
 * Grouped plugin routes (group commit): requests that arrive together share one transaction of their neighbourhood,
 * yet each is answered as its own — its own member checked, its own result, its own refusal — and a fault in one
 * never costs the others theirs. The fixture plugin's guestbook is a grouped route that writes a group in one insert.
 *
 * Every test starts from a fresh app and world (useWorld) with the plugin installed in A and B (saved with the world,
 * restored for each test): no test depends on another or on their order.
 */
let h: TestApp;
let world: World;
type Persona = 'adminA' | 'residentA' | 'staffA' | 'adminB' | 'outsider';
const sign = (persona: Persona, tenant: 'A' | 'B', text: string) =>
  h.call('POST', `/api/v1/t/${tenant === 'A' ? world.tenantA.slug : world.tenantB.slug}/p/fixture/guestbook`, {
    token: world.tokens[persona],
    json: { text },
  });
const guestbook = async (tenantId: string) =>
  (await notesIn(h.database.db, tenantId)).filter((b) => b.includes('：') && b.includes('['));

/** Inside the world before it is saved (so once per worker on PGlite): the plugin in A and B. */
async function setUp(app: TestApp, built: World) {
  for (const [admin, slug] of [
    ['adminA', built.tenantA.slug],
    ['adminB', built.tenantB.slug],
  ] as const) {
    const installed = await app.call('POST', `/api/v1/t/${slug}/plugins/fixture/install`, {
      token: built.tokens[admin],
      json: { grantedScopes: scopes },
    });
    expect(installed.status).toBe(200);
  }
}
const current = useWorld({ plugins: [fixturePlugin()], setUp });

// Runs after useWorld's beforeEach (hooks before a test run in the order they were registered).
beforeEach(() => {
  ({ h, world } = current);
});

describe('grouped plugin routes', () => {
  it('writes requests that arrive together in shared transactions, each answered with its own entry and member', async () => {
    const who: Persona[] = ['adminA', 'residentA', 'staffA'];
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => sign(who[i % 3]!, 'A', `第${i}条`)));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    // The first request starts a group at once; the others gather behind it.
    expect(Math.max(...results.map((r) => r.body.groupSize as number))).toBeGreaterThan(1);
    results.forEach((r, i) => {
      const persona = who[i % 3]!;
      expect(r.body.body).toBe(
        `${world.users[persona].displayName}[${persona === 'adminA' ? 'admin' : persona === 'staffA' ? 'staff' : 'resident'}]：第${i}条`,
      );
    });
    expect(await guestbook(world.tenantA.id)).toHaveLength(24);
  });

  it('refuses one item of a group in its own words and writes the others', async () => {
    const before = (await guestbook(world.tenantA.id)).length;
    const results = await Promise.all(['甲', 'refuse', '乙', '丙'].map((text) => sign('residentA', 'A', text)));
    expect(results.map((r) => r.status)).toEqual([201, 409, 201, 201]);
    expect(results[1]!.headers.get('content-type')).toContain('application/problem+json');
    expect(results[1]!.body).toMatchObject({ code: 'fixture.note_refused', title: '这条留言不能写' });
    const after = await guestbook(world.tenantA.id);
    expect(after).toHaveLength(before + 3);
    expect(after.some((b) => b.endsWith('：refuse'))).toBe(false);
  });

  it('keeps a fault to the request that caused it: the group is run again one by one', async () => {
    const before = (await guestbook(world.tenantA.id)).length;
    const results = await Promise.all(['一', '二', 'explode', '三', '四'].map((text) => sign('adminA', 'A', text)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 500, 201, 201]);
    expect(results[2]!.body.code).toBe('internal');
    expect(await guestbook(world.tenantA.id)).toHaveLength(before + 4);
  });

  it('never mixes neighbourhoods: each group is one neighbourhood’s, and a non-member is not found', async () => {
    const beforeA = (await guestbook(world.tenantA.id)).length;
    const beforeB = (await guestbook(world.tenantB.id)).length;
    const calls: Array<[Persona, 'A' | 'B']> = [
      ['residentA', 'A'],
      ['adminB', 'B'],
      ['adminA', 'A'],
      ['adminB', 'B'],
      ['adminB', 'A'],
      ['outsider', 'A'],
      ['residentA', 'B'],
    ];
    const results = await Promise.all(calls.map(([persona, tenant], i) => sign(persona, tenant, `跨${i}`)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 404, 404, 404]);
    expect(results[4]!.body.code).toBe('not_found');
    const a = await guestbook(world.tenantA.id);
    const b = await guestbook(world.tenantB.id);
    expect(a.slice(beforeA).sort()).toEqual(
      [`${world.users.adminA.displayName}[admin]：跨2`, `${world.users.residentA.displayName}[resident]：跨0`].sort(),
    );
    expect(b.slice(beforeB).sort()).toEqual(
      [`${world.users.adminB.displayName}[admin]：跨1`, `${world.users.adminB.displayName}[admin]：跨3`].sort(),
    );
  });

  it('answers 404 once the plugin is disabled, 401 without a session, and 400 for a bad body, before any group', async () => {
    expect(
      (await h.call('POST', `/api/v1/t/${world.tenantA.slug}/p/fixture/guestbook`, { json: { text: 'x' } })).status,
    ).toBe(401);
    const bad = await sign('residentA', 'A', '');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/fixture/disable`, { token: world.tokens.adminA }))
        .status,
    ).toBe(200);
    expect((await sign('residentA', 'A', '停用后')).status).toBe(404);
    expect(
      (await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/fixture/enable`, { token: world.tokens.adminA }))
        .status,
    ).toBe(200);
    expect((await sign('residentA', 'A', '启用后')).status).toBe(201);
  });

  it('checks the sessions of a group together: one that does not hold is 401, signed out is refused at once', async () => {
    const [id] = world.tokens.residentA!.split('.');
    const url = `/api/v1/t/${world.tenantA.slug}/p/fixture/guestbook`;
    const forged = h.call('POST', url, { token: `${id}.${'b'.repeat(24)}`, json: { text: '伪造' } });
    const [refused, ...signed] = await Promise.all([forged, sign('residentA', 'A', '真'), sign('staffA', 'A', '真')]);
    expect(refused!.status).toBe(401);
    expect(signed.map((r) => r.status)).toEqual([201, 201]);
    // Unknown neighbourhood, session that does not hold: 401 as elsewhere, not a 404 that names what exists.
    const nowhere = await h.call('POST', '/api/v1/t/no-such-place/p/fixture/guestbook', {
      token: `${id}.${'b'.repeat(24)}`,
      json: { text: 'x' },
    });
    expect(nowhere.status).toBe(401);
    expect((await h.call('POST', '/api/v1/auth/sign-out', { token: world.tokens.staffA })).status).toBe(204);
    expect((await sign('staffA', 'A', '已退出')).status).toBe(401);
    expect(await guestbook(world.tenantA.id)).toHaveLength(2);
  });

  it('marks grouped routes in the OpenAPI document, open to members only', async () => {
    const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/t/{tenant}/p/fixture/guestbook'].post;
    expect(op['x-access']).toEqual(['tenant:member']);
    expect(op['x-plugin-grouped']).toBe(true);
  });
});
