import {
  databaseRefusal,
  useWorld,
  withRegion,
  withTenant,
  type Persona,
  type TestApp,
  type World,
} from '@city/testing';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { asPlugin } from '../../apps/api/src/plugin-runtime/context.ts';
import { fixturePlugin, FIXTURE_SCOPES as scopes } from '../fixtures/fixture-plugin/src/server/index.ts';
import { regionNotes } from '../fixtures/fixture-plugin/src/schema.ts';
import { addNote, addRegionNote } from '../fixtures/fixture-plugin/src/testing.ts';

/**
 * Plugins' region routes (/api/v1/r/:region/p/<id>): for the staff of a 街道/社区/区 and of the regions above it, on
 * rows that belong to a region, kept apart by the fixture plugin's region policies (its migration 0001) — the handlers
 * filter nothing of their own. The world: district ─ streetA ─ communityA ─ tenant A, and streetB ─ communityB ─ tenant
 * B, with staff of communityA, of streetA and of streetB (`otherBranchStaff`).
 *
 * Every test starts from a fresh app and world with the plugin installed in A and B and a note in each region of the
 * two branches (saved with the world): no test depends on another or on their order.
 */
let h: TestApp;
let world: World;
let notes: Record<'streetA' | 'communityA' | 'streetB' | 'communityB', string>;

const region = (id: string, path: string) => `/api/v1/r/${id}/p/fixture${path}`;
const as = (persona: Persona, method: string, path: string, json?: unknown) =>
  h.call(method, path, { token: world.tokens[persona], ...(json !== undefined ? { json } : {}) });
const bodies = (result: { body: unknown }) =>
  (result.body as { items: Array<{ body: string }> }).items.map((n) => n.body);

/** Inside the world before it is saved: the plugin in A and B, a note in each region and in each neighbourhood. */
async function setUp(app: TestApp, built: World) {
  for (const [admin, tenant] of [
    ['adminA', built.tenantA],
    ['adminB', built.tenantB],
  ] as const) {
    const installed = await app.call('POST', `/api/v1/t/${tenant.slug}/plugins/fixture/install`, {
      token: built.tokens[admin],
      json: { grantedScopes: scopes },
    });
    expect(installed.status).toBe(200);
    await withTenant(app.database.db, tenant.id, (tx) => addNote(tx, tenant.id, `${tenant.name}的便签`));
  }
  const { streetA, communityA, streetB, communityB } = built.regions;
  const db = app.database.db;
  return {
    streetA: await addRegionNote(db, streetA.id, '甲街道的便签'),
    communityA: await addRegionNote(db, communityA.id, '甲社区的便签'),
    streetB: await addRegionNote(db, streetB.id, '乙街道的便签'),
    communityB: await addRegionNote(db, communityB.id, '乙社区的便签'),
  };
}
const current = useWorld({ plugins: [fixturePlugin()], setUp });

// Runs after useWorld's beforeEach (hooks before a test run in the order they were registered).
beforeEach(() => {
  ({ h, world, prepared: notes } = current);
});

describe('region routes of plugins', () => {
  it("let the region's staff read and write the region's rows", async () => {
    const communityA = world.regions.communityA.id;
    const added = await as('communityStaffA', 'POST', region(communityA, '/region-notes'), { body: '党员大会' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ regionId: communityA, body: '党员大会' });
    const listed = await as('communityStaffA', 'GET', region(communityA, '/region-notes'));
    expect(bodies(listed)).toEqual(['甲社区的便签', '党员大会']);
    const one = await as('communityStaffA', 'GET', region(communityA, `/region-notes/${String(added.body.id)}`));
    expect(one.status).toBe(200);

    const overview = await as('communityStaffA', 'GET', region(communityA, '/overview'));
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      region: { id: communityA, name: '甲社区', level: 'community', parentId: world.regions.streetA.id },
      actor: world.users.communityStaffA.displayName,
      link: expect.stringMatching(new RegExp(`/supervision/regions/${communityA}/apps/fixture$`)),
      branch: [{ id: communityA }],
      neighbourhoods: [
        { id: world.tenantA.id, slug: world.tenantA.slug, communityId: communityA, streetId: world.regions.streetA.id },
      ],
      // Neighbourhood rows below the region, through their own policy on the region's supervised neighbourhoods.
      neighbourhoodNotes: expect.arrayContaining([`${world.tenantA.name}的便签`]),
    });
    expect(overview.body.neighbourhoodNotes).not.toContain(`${world.tenantB.name}的便签`);
  });

  it("let a 街道's staff act in its 社区s' routes and read the 社区s' rows through their own 街道's branch", async () => {
    const { streetA, communityA } = world.regions;
    const added = await as('streetStaffA', 'POST', region(communityA.id, '/region-notes'), { body: '街道代写' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ regionId: communityA.id });
    // In its own routes the 街道 writes its own rows and reads its branch: itself and its 社区.
    expect((await as('streetStaffA', 'POST', region(streetA.id, '/region-notes'), { body: '街道通知' })).status).toBe(
      201,
    );
    expect(bodies(await as('streetStaffA', 'GET', region(streetA.id, '/region-notes')))).toEqual([
      '甲街道的便签',
      '甲社区的便签',
      '街道代写',
      '街道通知',
    ]);
    const overview = await as('streetStaffA', 'GET', region(streetA.id, '/overview'));
    expect(overview.body.branch).toEqual([
      { id: streetA.id, name: streetA.name, level: 'street', parentId: world.regions.district.id },
      { id: communityA.id, name: communityA.name, level: 'community', parentId: streetA.id },
    ]);
    expect(overview.body.neighbourhoods).toEqual([expect.objectContaining({ id: world.tenantA.id })]);
    // Below is not above: a 社区's staff do not act for their 街道.
    expect((await as('communityStaffA', 'GET', region(streetA.id, '/region-notes'))).status).toBe(404);
  });

  it('answer 404 to everyone else: another branch, members, residents, operators, unknown and malformed regions', async () => {
    const communityA = world.regions.communityA.id;
    for (const persona of ['otherBranchStaff', 'adminA', 'residentA', 'adminB', 'operator', 'outsider'] as const) {
      for (const [method, path, json] of [
        ['GET', '/region-notes', undefined],
        ['POST', '/region-notes', { body: '越权' }],
        ['GET', `/region-notes/${notes.communityA}`, undefined],
        ['GET', '/overview', undefined],
      ] as const) {
        const res = await as(persona, method, region(communityA, path), json);
        expect(res.status, `${persona} ${method} ${path}`).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('甲社区');
      }
    }
    expect((await as('anonymous', 'GET', region(communityA, '/region-notes'))).status).toBe(401);
    for (const unknown of [crypto.randomUUID(), 'not-a-region', world.tenantA.slug])
      expect((await as('communityStaffA', 'GET', region(unknown, '/region-notes'))).status).toBe(404);
    // The core's page of a region answers the same way.
    expect((await as('streetStaffA', 'GET', `/api/v1/supervision/regions/${communityA}`)).body).toMatchObject({
      id: communityA,
      name: '甲社区',
      kind: 'community',
    });
    expect((await as('otherBranchStaff', 'GET', `/api/v1/supervision/regions/${communityA}`)).status).toBe(404);
    expect((await as('operator', 'GET', `/api/v1/supervision/regions/${communityA}`)).status).toBe(404);
  });

  it("keep another 社区's rows out of a 社区's routes even when the query asks for them (the policies, not the handler)", async () => {
    const { communityA, communityB, streetA } = world.regions;
    const crafted = (regionId: string) => region(communityA.id, `/region-notes?regionId=${regionId}`);
    expect(bodies(await as('communityStaffA', 'GET', crafted(communityB.id)))).toEqual([]);
    // Nor the row of the 街道 above, which is outside the 社区's branch — even for that 街道's own staff.
    expect(bodies(await as('streetStaffA', 'GET', crafted(streetA.id)))).toEqual([]);
    expect(
      (await as('communityStaffA', 'GET', region(communityA.id, `/region-notes/${notes.communityB}`))).status,
    ).toBe(404);
    // A write naming another region is refused by the database, and so is moving a row there.
    const insert = await databaseRefusal(
      withRegion(h.database.db, communityA.id, (tx) =>
        asPlugin(tx, 'city_p_fixture', () => tx.insert(regionNotes).values({ regionId: communityB.id, body: '越界' })),
      ),
    );
    expect(insert.message).toMatch(/row-level security/);
    const move = await databaseRefusal(
      withRegion(h.database.db, communityA.id, (tx) =>
        asPlugin(tx, 'city_p_fixture', () =>
          tx.execute(sql`update fixture_region_notes set region_id = ${communityB.id} where id = ${notes.communityA}`),
        ),
      ),
    );
    expect(move.message).toMatch(/row-level security/);
    // The 街道 reads its 社区's row through its branch but cannot change it: rows are written by their own region.
    const updated = await withRegion(h.database.db, streetA.id, (tx) =>
      asPlugin(tx, 'city_p_fixture', () =>
        tx.execute(sql`update fixture_region_notes set body = '改写' where id = ${notes.communityA}`),
      ),
    );
    expect(updated.rowCount).toBe(0);
  });

  it("let a neighbourhood's member routes read the rows of its own 社区, 街道 and 区, and of no other region", async () => {
    expect(bodies(await as('residentA', 'GET', `/api/v1/t/${world.tenantA.slug}/p/fixture/region-notes`))).toEqual([
      '甲街道的便签',
      '甲社区的便签',
    ]);
    expect(bodies(await as('adminB', 'GET', `/api/v1/t/${world.tenantB.slug}/p/fixture/region-notes`))).toEqual([
      '乙街道的便签',
      '乙社区的便签',
    ]);
  });
});
